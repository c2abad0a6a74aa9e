-- The latest event of each order, as an upsert table keyed by order_id.
CREATE TABLE latest_orders (
  order_id STRING,
  customer STRING,
  status STRING,
  amount DECIMAL(8, 2),
  ts TIMESTAMP(3),
  PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${topic.latest_orders}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'key.format' = 'json',
  'value.format' = 'json'
);
