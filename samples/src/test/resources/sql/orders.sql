-- Order events keyed by order_id: one partition, watermark on every record, so which records a deduplication keeps
-- follows from the input order alone.
CREATE TABLE orders (
  order_id STRING,
  customer STRING,
  status STRING,
  amount DECIMAL(8, 2),
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.orders}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'scan.watermark.emit.strategy' = 'on-event',
  'key.format' = 'json',
  'key.fields' = 'order_id',
  'value.format' = 'json'
);
