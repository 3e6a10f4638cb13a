-- Oversight (issue 10, "Performance"): two more dashboard panels took over 300 ms province-wide on a
-- million establishments and a year of activity (docs/benchmarks.md): timeliness (one pass over
-- oversight_deadline, the six modules' deadline records) and the coverage population (operating
-- establishments by kind and county). Each gets a summary refreshed by a job. Both are derived
-- caches, owned and written by the oversight module only; oversight_summary_refresh (0011) says when
-- each was last refreshed, and a summary never refreshed is not read.

-- Timeliness as data: the deadline records of oversight_deadline, pre-aggregated per area, source,
-- category, department and day. Every measure of deadlines.ts is a count of records whose day of a
-- kind (started, done, overdue from) falls in the period, or a running sum up to the period's end
-- (open, overdue), so a day's counts and deltas answer any period exactly. Areas are the province
-- (2-digit prefix) and the cities (4 digits); counties and below count live (fast).
CREATE TABLE oversight_deadline_summary (
  area             varchar(12) NOT NULL,
  source           text NOT NULL,
  category         text NOT NULL,
  department_code  text NOT NULL,
  day              date NOT NULL,
  started          integer NOT NULL,
  done             integer NOT NULL,
  on_time          integer NOT NULL,
  late             integer NOT NULL,
  substantiated    integer NOT NULL,
  amount           numeric NOT NULL,
  open_delta       integer NOT NULL,
  overdue_delta    integer NOT NULL,
  PRIMARY KEY (area, day, source, category, department_code)
);
COMMENT ON TABLE oversight_deadline_summary IS 'Deadline records (oversight_deadline) counted per area, source, category, department and day, as of the last refresh; records whose days are out of order are kept whole in oversight_deadline_irregular instead';
COMMENT ON COLUMN oversight_deadline_summary.area IS 'Region prefix the counts cover: 2 digits (province) or 4 (city)';
COMMENT ON COLUMN oversight_deadline_summary.source IS 'As oversight_deadline.source';
COMMENT ON COLUMN oversight_deadline_summary.category IS 'As oversight_deadline.category';
COMMENT ON COLUMN oversight_deadline_summary.department_code IS 'Department (scope)';
COMMENT ON COLUMN oversight_deadline_summary.day IS 'The day the counts below happened on';
COMMENT ON COLUMN oversight_deadline_summary.started IS 'Records started that day';
COMMENT ON COLUMN oversight_deadline_summary.done IS 'Records done that day';
COMMENT ON COLUMN oversight_deadline_summary.on_time IS 'Records done that day by their due day';
COMMENT ON COLUMN oversight_deadline_summary.late IS 'Records done that day after their due day';
COMMENT ON COLUMN oversight_deadline_summary.substantiated IS 'Records done that day and substantiated (confirmed, found false)';
COMMENT ON COLUMN oversight_deadline_summary.amount IS 'Fines of the cases decided that day, yuan';
COMMENT ON COLUMN oversight_deadline_summary.open_delta IS 'Records opening that day minus records done that day (running sum = open)';
COMMENT ON COLUMN oversight_deadline_summary.overdue_delta IS 'Open records passing their due day that day minus overdue records done that day (running sum = overdue)';

CREATE TABLE oversight_deadline_irregular (
  source           text NOT NULL,
  record_id        bigint NOT NULL,
  category         text NOT NULL,
  region_code      varchar(12) NOT NULL,
  department_code  text NOT NULL,
  state            text,
  started_on       date NOT NULL,
  due_on           date,
  done_on          date,
  on_time          boolean,
  substantiated    boolean,
  amount           numeric,
  PRIMARY KEY (source, record_id)
);
COMMENT ON TABLE oversight_deadline_irregular IS 'Deadline records the per-day summary cannot count exactly (done or due before started, or done after the refresh day), as of the last refresh; counted one by one with the same measures';
COMMENT ON COLUMN oversight_deadline_irregular.source IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.record_id IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.category IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.region_code IS 'As oversight_deadline (scope)';
COMMENT ON COLUMN oversight_deadline_irregular.department_code IS 'As oversight_deadline (scope)';
COMMENT ON COLUMN oversight_deadline_irregular.state IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.started_on IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.due_on IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.done_on IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.on_time IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.substantiated IS 'As oversight_deadline';
COMMENT ON COLUMN oversight_deadline_irregular.amount IS 'As oversight_deadline';

-- Coverage population: the directory's operating establishments by region and kind (the inspection
-- coverage's denominator, as the registry's pool counts give it).
CREATE TABLE oversight_population_summary (
  region_code  varchar(12) NOT NULL,
  kind         text NOT NULL,
  n            integer NOT NULL CHECK (n > 0),
  PRIMARY KEY (region_code, kind)
);
COMMENT ON TABLE oversight_population_summary IS 'Operating establishments counted by region and kind, as of the last refresh (oversight_summary_refresh)';
COMMENT ON COLUMN oversight_population_summary.region_code IS 'Region of the establishments (scope)';
COMMENT ON COLUMN oversight_population_summary.kind IS 'Establishment kind';
COMMENT ON COLUMN oversight_population_summary.n IS 'Number of operating establishments';
