CREATE TABLE clicks (`user` STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.clicks}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.watermark.emit.strategy' = 'on-event',
  'format' = 'json'
);
CREATE TABLE counts (`user` STRING, window_end TIMESTAMP(3), clicks BIGINT) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.counts}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'format' = 'json',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}'
);
