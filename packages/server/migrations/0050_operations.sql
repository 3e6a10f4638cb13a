-- Operations (issue 11). Rate-limit counters live in the database so every application process
-- counts the same requests (a burst split over three processes is still one burst). UNLOGGED: the
-- counters are short-lived; losing them in a crash only resets a window, and they need not reach a
-- replica.

CREATE UNLOGGED TABLE rate_limit_counter (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL
);
COMMENT ON TABLE rate_limit_counter IS 'Fixed-window request counters of @fastify/rate-limit, shared by all processes';
COMMENT ON COLUMN rate_limit_counter.key IS 'Route (method and URL pattern) and client key (IP address), e.g. POST /api/v1/auth/sign-in|203.0.113.7';
COMMENT ON COLUMN rate_limit_counter.window_start IS 'When the current window began (database clock)';
COMMENT ON COLUMN rate_limit_counter.hits IS 'Requests counted in the current window';
CREATE INDEX rate_limit_counter_window ON rate_limit_counter (window_start);
