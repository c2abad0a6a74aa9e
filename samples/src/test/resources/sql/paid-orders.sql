-- Orders paid within 10 minutes, one row per payment that matches.
CREATE TABLE paid_orders (
  order_id STRING,
  customer STRING,
  amount DECIMAL(10, 2),
  paid_at TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.paid_orders}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);
