-- The tables of several-cases-one-broken.yaml.
CREATE TABLE clicks (
  `user` STRING,
  amount BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.clicks}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json'
);
CREATE TABLE copies (
  `user` STRING,
  amount BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.copies}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'format' = 'json'
);
