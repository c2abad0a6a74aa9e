-- a bounded source and an exactly-once sink, both on topics the test declares
CREATE TABLE events (
  id INT,
  name STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.events}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json'
);

CREATE TABLE copied (
  id INT,
  name STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.copied}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'format' = 'json'
);
