package io.flinkharness.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.TimeModel;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.oracle.Oracle;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Generated input for a window test: 2,000 clicks with disorder, duplicates and late records, generated from the
 * table's own DDL. The labels say which records arrive after their window has fired, so the oracle computes the
 * expected counts from the input: nothing is written by hand.
 */
@FlinkSqlTest
class GeneratedClicksTest {
    private static final String CLICKS = """
            CREATE TABLE clicks (
              user_id STRING,
              page STRING,
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
    private static final String COUNTS = """
            CREATE TABLE counts (window_start TIMESTAMP(3), clicks BIGINT) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.counts}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'sink.delivery-guarantee' = 'exactly-once',
              'sink.transactional-id-prefix' = '${case.id}',
              'sink.transaction-naming-strategy' = 'POOLING',
              'format' = 'json'
            )""";

    @Test
    void windowsCountEveryClickThatArrivesBeforeItsWindowFires(CaseRunner runner) {
        RecordSchema clicks = RecordSchema.fromDdl(CLICKS);      // event time ts, watermark 2 s, on-event
        GeneratedData data = DataGenerator.forSchema(clicks)
                .seed(7)
                .records(2_000)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
                .field("user_id", FieldRule.random().distinct(50).zipf(1.2))
                .field("page", FieldRule.oneOf("/home", "/cart", "/pay").weights(6, 3, 1))
                .outOfOrder(Duration.ofSeconds(3), 0.2)                 // some beyond the 2 s delay
                .lateRecords(5, Duration.ofSeconds(30))
                .duplicates(Duplicates.count(20))
                .generate();
        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).extracting(GeneratedRecord::lateness)
                .containsOnly(Lateness.LATE);

        runner.run(SqlCase.named("clicks per 10-second window, generated")
                        .topic("clicks", 1).topic("counts", 1)
                        .input("clicks", data)
                        .ddl(CLICKS + ";\n" + COUNTS)
                        .dml("""
                                INSERT INTO counts
                                SELECT window_start, COUNT(*)
                                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                                GROUP BY window_start, window_end""")
                        .expectRows("counts", Oracle.tumble(Duration.ofSeconds(10)).count("clicks")
                                .select("window_start", "clicks").expected(data).rows())
                        .build())
                .assertPassed();
    }
}
