-- The tables of ClicksPerWindowExampleTest: ${topic.NAME} is the test's own copy of each declared topic.
CREATE TABLE clicks (
  `user` STRING,
  ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.clicks}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json'
);

CREATE TABLE clicks_per_window (
  `user` STRING,
  window_start TIMESTAMP(3),
  clicks BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.clicks_per_window}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'format' = 'json'
);
