-- Clicks per user and minute, written to an upsert topic.
CREATE TABLE clicks (
  `user` STRING,
  page STRING,
  duration_ms INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE clicks_per_minute (
  `user` STRING,
  window_start TIMESTAMP(3) NOT NULL,
  clicks BIGINT,
  PRIMARY KEY (`user`, window_start) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'clicks-per-minute',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);
