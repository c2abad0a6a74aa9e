-- Job 1 reads raw_events and writes cleaned_events; job 2 reads cleaned_events and writes revenue_per_country.
-- Raw events come from several producers: malformed JSON is skipped, the rest is filtered and normalized.
CREATE TABLE raw_events (
  event_id STRING,
  user_id STRING,
  country STRING,
  amount_cents BIGINT,
  ts TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.raw_events}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json',
  'json.ignore-parse-errors' = 'true'
);

-- Written by job 1 (exactly-once), read by job 2 (read_committed, bounded): one topic, both roles.
CREATE TABLE cleaned_events (
  event_id STRING,
  user_id STRING,
  country STRING,
  amount DECIMAL(10, 2),
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.cleaned_events}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}-cleaned',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);

CREATE TABLE revenue_per_country (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  country STRING,
  purchases BIGINT,
  revenue DECIMAL(38, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.revenue_per_country}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}-revenue',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);
