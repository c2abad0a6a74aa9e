-- Articles and their tags: the sink's tags column is a NOT NULL array that no source column fills.
CREATE TABLE articles (
  article_id BIGINT,
  title STRING,
  published_at TIMESTAMP_LTZ(3),
  WATERMARK FOR published_at AS published_at
) WITH (
  'connector' = 'kafka',
  'topic' = 'articles',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE article_tags (
  article_id BIGINT NOT NULL,
  tags ARRAY<STRING> NOT NULL,
  tagged_at TIMESTAMP_LTZ(3) NOT NULL,
  PRIMARY KEY (article_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'article-tags',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);
