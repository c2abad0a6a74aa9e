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
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generated input for a window test: 2,000 clicks with disorder, duplicates and late records, generated from the
 * table's own DDL. The labels say which records arrive after their window has fired, so the expected counts are
 * computed from the input, not written by hand.
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
                        .expectRows("counts", expectedWindows(data, Duration.ofSeconds(10)))
                        .build())
                .assertPassed();
    }

    /** Per window, the records that arrive while the watermark is still before the window's end. */
    private static List<Row> expectedWindows(GeneratedData data, Duration size) {
        Map<Long, Long> counts = new TreeMap<>();
        for (GeneratedRecord r : data) {
            long ts = r.eventTime().toEpochMilli();
            long start = Math.floorDiv(ts, size.toMillis()) * size.toMillis();
            Instant lastMoment = Instant.ofEpochMilli(start + size.toMillis() - 1);
            if (!r.label().watermarkOnArrival().surelyAtOrPast(lastMoment)) {
                counts.merge(start, 1L, Long::sum);
            }
        }
        DateTimeFormatter sql = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        return counts.entrySet().stream().map(e -> Row.of(
                "window_start", LocalDateTime.ofEpochSecond(e.getKey() / 1000, 0, ZoneOffset.UTC).format(sql),
                "clicks", e.getValue())).toList();
    }
}
