CREATE TABLE endless (
  id INT
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.events}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);
CREATE TABLE blackhole_sink (id INT) WITH ('connector' = 'blackhole');
