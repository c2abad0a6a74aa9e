-- Orders from the shop, and the large ones the pipeline keeps. As deployed: production topics and cluster.
CREATE TABLE orders (
  order_id STRING,
  customer STRING,
  amount DECIMAL(10, 2),
  paid BOOLEAN,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'prod.shop.orders.v3',
  'properties.bootstrap.servers' = 'kafka-1.prod:9093,kafka-2.prod:9093',
  'properties.group.id' = 'large-orders',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'scan.startup.mode' = 'group-offsets',
  'key.format' = 'json',
  'key.fields' = 'order_id',
  'value.format' = 'json'
);

CREATE TABLE large_orders (
  order_id STRING,
  customer STRING,
  amount DECIMAL(12, 2),
  order_time TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'prod.shop.large-orders.v1',
  'properties.bootstrap.servers' = 'kafka-1.prod:9093,kafka-2.prod:9093',
  'properties.security.protocol' = 'SASL_SSL',
  'sink.delivery-guarantee' = 'at-least-once',
  'format' = 'json'
);
