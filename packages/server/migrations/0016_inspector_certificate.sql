-- The roster's enforcement certificates have a term (行政执法证 validity): an officer whose
-- certificate has expired keeps their record but is not drawn (the freeze leaves them out).
ALTER TABLE inspector ADD COLUMN certificate_valid_until date;
COMMENT ON COLUMN inspector.certificate_valid_until IS 'Last day the enforcement certificate is valid (China calendar day); null = not recorded. Officers whose certificate expired before the freeze day are left out of the draw';
