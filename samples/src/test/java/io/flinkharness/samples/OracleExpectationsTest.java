package io.flinkharness.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Placement;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.TimeModel;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.kafka.ReadCommittedReader;
import io.flinkharness.oracle.Oracle;
import io.flinkharness.oracle.OracleResult;
import io.flinkharness.rows.OutputRows;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Expected rows computed by the oracle from generated input: per-user window aggregates, the latest status per
 * order, and, on a topic with several partitions, a comparison of every window whose result does not depend on
 * how Flink interleaves the partitions.
 */
@FlinkSqlTest
class OracleExpectationsTest {
    private static final String CLICKS = """
            CREATE TABLE clicks (
              user_id STRING,
              amount INT,
              ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
            ) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.clicks}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset',
              'scan.bounded.mode' = 'latest-offset',
              'scan.watermark.emit.strategy' = 'on-event',
              'format' = 'json'
            )""";
    private static final String STATS = """
            CREATE TABLE stats (
              window_start TIMESTAMP(3), window_end TIMESTAMP(3), user_id STRING, clicks BIGINT, total INT, mean INT
            ) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.stats}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'sink.delivery-guarantee' = 'exactly-once',
              'sink.transactional-id-prefix' = '${case.id}',
              'format' = 'json'
            )""";
    private static final String PER_USER = """
            INSERT INTO stats
            SELECT window_start, window_end, user_id, COUNT(*), SUM(amount), AVG(amount)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            GROUP BY window_start, window_end, user_id""";
    private static final String ORDERS = """
            CREATE TABLE orders (
              order_id STRING,
              status STRING,
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
            )""";
    private static final String LATEST = """
            CREATE TABLE latest (order_id STRING, status STRING, ts TIMESTAMP(3), PRIMARY KEY (order_id) NOT ENFORCED)
            WITH (
              'connector' = 'upsert-kafka',
              'topic' = '${topic.latest}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'key.format' = 'json',
              'value.format' = 'json'
            )""";

    private static DataGenerator clicks(Placement placement) {
        return DataGenerator.forSchema(RecordSchema.fromDdl(CLICKS))
                .seed(11)
                .records(500)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
                .field("user_id", FieldRule.random().distinct(5))
                .field("amount", FieldRule.range(-100, 100))
                .outOfOrder(Duration.ofSeconds(3), 0.2)                 // some beyond the 2 s delay
                .lateRecords(5, Duration.ofSeconds(15))
                .duplicates(Duplicates.count(10))
                .placement(placement);
    }

    @Test
    void aggregatesPerUserAndWindow(CaseRunner runner) {
        GeneratedData data = clicks(Placement.single()).generate();
        OracleResult expected = Oracle.tumble(Duration.ofSeconds(10))
                .groupBy("user_id")
                .count("clicks")
                .sum("amount", "total")                // SUM(INT) is INT
                .avg("amount", "mean")                 // AVG(INT) is INT, truncated toward zero
                .expected(data);
        assertThat(expected.isExact()).isTrue();       // one partition, on-event watermarks: nothing depends on timing

        runner.run(SqlCase.named("clicks, sums and means per user and 10-second window")
                        .topic("clicks", 1).topic("stats", 1)
                        .input("clicks", data)
                        .ddl(CLICKS + ";\n" + STATS)
                        .dml(PER_USER)
                        .expectRows("stats", expected.rows())
                        .build())
                .assertPassed();
    }

    @Test
    void latestStatusPerOrder(CaseRunner runner) {
        GeneratedData orders = DataGenerator.forSchema(RecordSchema.fromDdl(ORDERS))
                .seed(3)
                .records(300)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(200)))
                .field("order_id", FieldRule.random().distinct(30))
                .field("status", FieldRule.oneOf("created", "paid", "shipped"))
                .outOfOrder(Duration.ofSeconds(3), 0.2)
                .generate();
        OracleResult expected = Oracle.dedup("order_id").keepLast().expected(orders);   // ORDER BY ts DESC
        assertThat(expected.emitsUpdates()).isTrue();                                  // hence upsert-kafka

        runner.run(SqlCase.named("latest status per order")
                        .topic("orders", 1).topic("latest", 1)
                        .input("orders", orders)
                        .ddl(ORDERS + ";\n" + LATEST)
                        .dml("""
                                INSERT INTO latest
                                SELECT order_id, status, ts
                                FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn
                                      FROM orders)
                                WHERE rn = 1""")
                        .expectUpsertRows("latest", expected.upsertRows())
                        .build())
                .assertPassed();
    }

    @Test
    void withSeveralPartitionsEveryWindowThatDoesNotDependOnTimingIsCompared(CaseRunner runner,
            FlinkKafkaEnvironment env) {
        GeneratedData data = clicks(Placement.roundRobin(3)).generate();
        OracleResult expected = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id")
                .count("clicks").sum("amount", "total").avg("amount", "mean")
                .expected(data);
        assertThat(expected.flagged()).isNotEmpty();   // late records whose window may or may not have fired

        CaseResult result = runner.run(SqlCase.named("per-user stats over 3 partitions")
                .topic("clicks", 3).topic("stats", 1)
                .input("clicks", data)
                .ddl(CLICKS + ";\n" + STATS)
                .dml(PER_USER)
                .expectRows("stats", expected.rows())
                .build());

        if (!result.passed()) {                        // a failed case keeps its topics: compare what is predicted
            try (ReadCommittedReader reader = ReadCommittedReader.connect(env.kafkaBootstrapServers())) {
                String topic = result.topics().get("stats");
                expected.assertMatches("topic 'stats'", OutputRows.append(reader.readToEnd(topic,
                        Duration.ofSeconds(30))));
            }
        }
    }
}
