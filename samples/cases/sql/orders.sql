-- The tables of orders-suite.yaml. One partition and on-event watermarks: which records are late is known.
CREATE TABLE orders (
  order_id STRING,
  customer STRING,
  amount DECIMAL(8, 2),
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.orders}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'scan.watermark.emit.strategy' = 'on-event',
  'format' = 'json'
);

CREATE TABLE per_window (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  orders BIGINT,
  revenue DECIMAL(18, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.per_window}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'sink.transaction-naming-strategy' = 'POOLING',
  'format' = 'json'
);

CREATE TABLE first_orders (
  customer STRING,
  order_id STRING,
  amount DECIMAL(8, 2),
  ts TIMESTAMP(3),
  PRIMARY KEY (customer) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${topic.first_orders}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE big_orders (
  order_id STRING,
  customer STRING,
  amount DECIMAL(8, 2),
  ts TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic.big_orders}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}-big',
  'format' = 'json'
);
