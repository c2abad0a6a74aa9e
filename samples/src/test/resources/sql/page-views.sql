-- Page views on one partition with a watermark on every record: the oracle knows which views are late.
CREATE TABLE page_views (
  page STRING,
  user_id STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.page_views}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'scan.watermark.emit.strategy' = 'on-event',
  'format' = 'json'
);

CREATE TABLE page_stats (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  page STRING,
  hits BIGINT,
  visitors BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.page_stats}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);
