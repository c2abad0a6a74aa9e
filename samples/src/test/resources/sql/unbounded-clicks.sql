-- An unbounded source (no 'scan.bounded.mode'): the job keeps running and the test moves event time itself.
-- A watermark on every record, so each step's effect on event time follows from what the test sent.
CREATE TABLE clicks (
  user_id STRING,
  page STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.clicks}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.watermark.emit.strategy' = 'on-event',
  'format' = 'json'
);

-- Exactly-once: a window's rows become visible to read_committed readers at the checkpoint after it fired.
CREATE TABLE clicks_per_window (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  user_id STRING,
  clicks BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.clicks_per_window}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);
