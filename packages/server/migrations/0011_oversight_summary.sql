-- Oversight (issue 10, "Performance"): the dashboard's establishment panels (by kind, by credit and
-- risk level, per area of the map) counted a million establishments joined to their credit profiles
-- on every request: 0.4–1.4 s province-wide (docs/benchmarks.md). They read this summary instead,
-- refreshed by the job oversight.establishment-summary. It is a derived cache of the registry and
-- the credit profiles (oversight_establishment), owned and written by the oversight module only.

CREATE TABLE oversight_establishment_summary (
  region_code   varchar(12) NOT NULL,
  kind          text NOT NULL,
  credit_level  char(1),
  risk_level    text,
  n             integer NOT NULL CHECK (n > 0)
);
CREATE INDEX oversight_establishment_summary_region_idx
  ON oversight_establishment_summary (region_code varchar_pattern_ops);
COMMENT ON TABLE oversight_establishment_summary IS 'Establishments not deregistered, counted by region, kind, credit level and risk level, as of the last refresh (oversight_summary_refresh)';
COMMENT ON COLUMN oversight_establishment_summary.region_code IS 'Region of the establishments (scope)';
COMMENT ON COLUMN oversight_establishment_summary.kind IS 'Establishment kind';
COMMENT ON COLUMN oversight_establishment_summary.credit_level IS 'Credit level A–D; null when not yet assessed';
COMMENT ON COLUMN oversight_establishment_summary.risk_level IS 'low | medium | high | severe; null when not yet assessed';
COMMENT ON COLUMN oversight_establishment_summary.n IS 'Number of establishments';

CREATE TABLE oversight_summary_refresh (
  name          text PRIMARY KEY,
  refreshed_at  timestamptz NOT NULL,
  rows          integer NOT NULL,
  millis        integer NOT NULL
);
COMMENT ON TABLE oversight_summary_refresh IS 'When each dashboard summary was last refreshed; a summary never refreshed is not read (the dashboard counts live)';
COMMENT ON COLUMN oversight_summary_refresh.name IS 'Summary table name';
COMMENT ON COLUMN oversight_summary_refresh.refreshed_at IS 'When the last refresh committed';
COMMENT ON COLUMN oversight_summary_refresh.rows IS 'Rows the summary holds';
COMMENT ON COLUMN oversight_summary_refresh.millis IS 'How long the refresh took';
