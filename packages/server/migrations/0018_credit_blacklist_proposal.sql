-- Four-eyes blacklisting (issue 7): a listing on, or a removal from, the blacklist is proposed by one
-- officer and approved or rejected by another holding credit.blacklist.approve; before a listing is
-- approved the subject receives a notice (告知) and may state a defence (陈述申辩). The listing itself
-- (credit_blacklist) and its credit-file entry are written only on approval.

CREATE TABLE credit_blacklist_proposal (
  id                 bigserial PRIMARY KEY,
  action             text NOT NULL CHECK (action IN ('enter', 'remove')),
  subject_type       text NOT NULL CHECK (subject_type IN ('establishment', 'practitioner')),
  subject_id         bigint NOT NULL,
  establishment_id   bigint NOT NULL,
  region_code        varchar(12) NOT NULL,
  name               text NOT NULL,
  rule_code          text,
  blacklist_id       bigint REFERENCES credit_blacklist (id),
  reason             text NOT NULL CHECK (length(btrim(reason)) >= 5),
  source_module      text,
  source_type        text,
  source_id          text,
  notice_zh          text,
  notice_en          text,
  noticed_on         date,
  defence_due_on     date,
  defence_status     text NOT NULL CHECK (defence_status IN ('awaiting', 'stated', 'waived', 'not_required')),
  defence_statement  text,
  defence_at         timestamptz,
  defence_by         bigint,
  defence_by_name    text,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  proposed_at        timestamptz NOT NULL,
  proposed_by        bigint NOT NULL,
  proposed_by_name   text NOT NULL,
  decided_at         timestamptz,
  decided_by         bigint,
  decided_by_name    text,
  decision_reason    text,
  CHECK (action = 'remove' OR (rule_code IS NOT NULL AND source_id IS NOT NULL)),
  CHECK (action = 'enter' OR blacklist_id IS NOT NULL)
);
COMMENT ON TABLE credit_blacklist_proposal IS '黑名单列入/移出提议: proposed by one officer, decided by another (four-eyes); a listing proposal carries the notice to the subject and its defence';
COMMENT ON COLUMN credit_blacklist_proposal.action IS 'enter (列入) | remove (移出)';
COMMENT ON COLUMN credit_blacklist_proposal.subject_type IS 'establishment | practitioner';
COMMENT ON COLUMN credit_blacklist_proposal.subject_id IS 'Who would be listed or removed';
COMMENT ON COLUMN credit_blacklist_proposal.establishment_id IS 'The establishment or the practitioner''s primary institution (scope; the institution sees its notices)';
COMMENT ON COLUMN credit_blacklist_proposal.region_code IS 'Region (scope)';
COMMENT ON COLUMN credit_blacklist_proposal.name IS 'Subject name when proposed';
COMMENT ON COLUMN credit_blacklist_proposal.rule_code IS 'Blacklist rule proposed (enter only)';
COMMENT ON COLUMN credit_blacklist_proposal.blacklist_id IS 'The listing to end (remove only); after an approved entry, the listing made';
COMMENT ON COLUMN credit_blacklist_proposal.reason IS 'Why, in the proposer''s words (at least 5 characters)';
COMMENT ON COLUMN credit_blacklist_proposal.source_module IS 'Module of the source record (enter only)';
COMMENT ON COLUMN credit_blacklist_proposal.source_type IS 'Kind of source record (enter only)';
COMMENT ON COLUMN credit_blacklist_proposal.source_id IS 'Id of the source record (enter only)';
COMMENT ON COLUMN credit_blacklist_proposal.notice_zh IS 'The notice (告知) sent to the subject: grounds, basis, rights, deadline';
COMMENT ON COLUMN credit_blacklist_proposal.notice_en IS 'The same in English';
COMMENT ON COLUMN credit_blacklist_proposal.noticed_on IS 'Day the notice was issued (China time)';
COMMENT ON COLUMN credit_blacklist_proposal.defence_due_on IS 'Last day to state a defence (working days after the notice)';
COMMENT ON COLUMN credit_blacklist_proposal.defence_status IS 'awaiting | stated | waived | not_required (removals)';
COMMENT ON COLUMN credit_blacklist_proposal.defence_statement IS 'The subject''s statement and defence (陈述申辩), or the record of its waiver';
COMMENT ON COLUMN credit_blacklist_proposal.defence_at IS 'When the defence was recorded';
COMMENT ON COLUMN credit_blacklist_proposal.defence_by IS 'Institution user who stated it, or staff who recorded one received on paper';
COMMENT ON COLUMN credit_blacklist_proposal.defence_by_name IS 'Username at the time';
COMMENT ON COLUMN credit_blacklist_proposal.status IS 'pending | approved | rejected';
COMMENT ON COLUMN credit_blacklist_proposal.proposed_at IS 'When proposed';
COMMENT ON COLUMN credit_blacklist_proposal.proposed_by IS 'Officer who proposed (never the one who decides)';
COMMENT ON COLUMN credit_blacklist_proposal.proposed_by_name IS 'Username at the time';
COMMENT ON COLUMN credit_blacklist_proposal.decided_at IS 'When approved or rejected';
COMMENT ON COLUMN credit_blacklist_proposal.decided_by IS 'Officer who decided';
COMMENT ON COLUMN credit_blacklist_proposal.decided_by_name IS 'Username at the time';
COMMENT ON COLUMN credit_blacklist_proposal.decision_reason IS 'Why approved or rejected (including the answer to the defence)';
CREATE INDEX credit_blacklist_proposal_scope_idx ON credit_blacklist_proposal (region_code varchar_pattern_ops, status);
CREATE INDEX credit_blacklist_proposal_establishment_idx ON credit_blacklist_proposal (establishment_id, status);
CREATE UNIQUE INDEX credit_blacklist_proposal_remove_idx ON credit_blacklist_proposal (blacklist_id)
  WHERE action = 'remove' AND status = 'pending';

-- Installations whose built-in roles exist get the new permissions here; new ones from BUILTIN_ROLES.
INSERT INTO role_permission (role_code, permission)
SELECT r.code, p.permission
FROM role r
JOIN (VALUES
  ('admin', 'credit.blacklist.propose'), ('admin', 'credit.blacklist.approve'), ('admin', 'credit.blacklist.defend'),
  ('leader', 'credit.blacklist.propose'), ('leader', 'credit.blacklist.approve'), ('leader', 'credit.blacklist.defend'),
  ('inspector', 'credit.blacklist.propose'), ('inspector', 'credit.blacklist.defend'),
  ('institution', 'credit.blacklist.defend')
) AS p (role_code, permission) ON p.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
