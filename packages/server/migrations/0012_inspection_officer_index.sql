-- Officers' workloads (inspection figures) count the visits each officer was present at: without
-- this index that count scans inspection_officer once per officer (seconds at a province's scale,
-- docs/benchmarks.md, oversight dashboard).
CREATE INDEX inspection_officer_inspector_idx ON inspection_officer (inspector_id);
