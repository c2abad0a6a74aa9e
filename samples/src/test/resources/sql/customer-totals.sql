-- What each customer has paid so far, kept up to date per customer.
CREATE TABLE customer_totals (
  customer STRING,
  payments BIGINT,
  total_paid DECIMAL(38, 2),
  PRIMARY KEY (customer) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${topic.customer_totals}',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${case.id}',
  'sink.transaction-naming-strategy' = 'POOLING',
  'key.format' = 'json',
  'value.format' = 'json'
);
