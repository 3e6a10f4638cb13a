-- Delivery of domain events to the modules that react. A (event, subscriber) row is written in the
-- same transaction as the subscriber's own changes, so each event takes effect exactly once per
-- subscriber even when the job queue delivers a job twice.

CREATE TABLE event_delivery (
  event_id      bigint NOT NULL REFERENCES domain_event (id),
  subscriber    text NOT NULL,
  delivered_at  timestamptz NOT NULL,
  PRIMARY KEY (event_id, subscriber)
);
COMMENT ON TABLE event_delivery IS 'Which subscriber has applied which domain event (exactly-once effect)';
COMMENT ON COLUMN event_delivery.event_id IS 'The domain event';
COMMENT ON COLUMN event_delivery.subscriber IS 'Name of the reacting module handler, e.g. registry.on-license-granted';
COMMENT ON COLUMN event_delivery.delivered_at IS 'When the subscriber applied it';
