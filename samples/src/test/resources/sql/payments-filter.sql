-- Large euro payments for the fraud desk: a filter and a projection, no state.
CREATE TABLE payments (
  payment_id STRING,
  account STRING,
  amount DECIMAL(10, 2),
  currency STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.payments}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json'
);

CREATE TABLE large_payments (
  payment_id STRING,
  account STRING,
  amount DECIMAL(10, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.large_payments}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);
