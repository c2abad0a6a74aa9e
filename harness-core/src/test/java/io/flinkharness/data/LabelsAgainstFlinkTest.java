package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator's labels predict what real Flink does: from a generated input with disorder, duplicates and late
 * records, the windows computed from the labels alone (a record counts unless its window fired before it arrived)
 * match Flink's TUMBLE counts exactly, for several seeds.
 */
class LabelsAgainstFlinkTest {
    private static final long WINDOW_MS = 10_000;
    private static final String SOURCE = """
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
    private static final String SINK = """
            CREATE TABLE counts (window_start TIMESTAMP(3), clicks BIGINT) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.counts}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'sink.delivery-guarantee' = 'exactly-once',
              'sink.transactional-id-prefix' = '${case.id}',
              'format' = 'json'
            )""";
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final EmbeddedEnvironment env = SharedTestEnvironment.get();
    private static final CaseRunner runner = SharedTestEnvironment.runner();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void windowsComputedFromTheLabelsAreWhatFlinkComputes(long seed) {
        RecordSchema clicks = RecordSchema.fromDdl(SOURCE);
        GeneratedData data = DataGenerator.forSchema(clicks).seed(seed).records(2_000)
                .field("user_id", FieldRule.random().distinct(30))
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100))
                        .withJitter(Duration.ofMillis(50)))
                .outOfOrder(Duration.ofMillis(3_500), 0.3)
                .duplicates(Duplicates.count(15))
                .lateRecords(20, Duration.ofSeconds(30))
                .generate();
        Map<String, Long> expected = windowsFromLabels(data);
        long dropped = data.size() - expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(dropped).as("records the labels say Flink drops").isGreaterThanOrEqualTo(20);

        SqlCase windows = SqlCase.named("labels vs Flink, seed " + seed).topic("clicks", 1).topic("counts", 1)
                .input("clicks", data)
                .ddl(SOURCE + ";\n" + SINK)
                .dml("""
                        INSERT INTO counts
                        SELECT window_start, COUNT(*)
                        FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                        GROUP BY window_start, window_end""")
                .expectRows("counts", rows(expected))
                .build();

        CaseResult result = runner.run(windows);
        assertThat(result.message()).isEmpty();
        assertThat(result.status()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void aFailingCaseNamesTheSeedOfItsGeneratedInput() {
        RecordSchema clicks = RecordSchema.fromDdl(SOURCE);
        GeneratedData data = DataGenerator.forSchema(clicks).seed(424242).records(20).generate();

        CaseResult result = runner.run(SqlCase.named("wrong expectation").topic("clicks", 1).topic("counts", 1)
                .input("clicks", data)
                .ddl(SOURCE + ";\n" + SINK)
                .dml("INSERT INTO counts SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks,"
                        + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end")
                .expectRows("counts", Row.of("window_start", "2026-01-01 00:00:00", "clicks", 21))
                .build());

        assertThat(result.status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(result.message()).endsWith(System.lineSeparator() + "generated input: topic 'clicks' seed 424242"
                + " (the same seed generates the same records)");
    }

    /** Per window, the records that arrive before the watermark has passed the window's end. */
    private static Map<String, Long> windowsFromLabels(GeneratedData data) {
        Map<String, Long> counts = new TreeMap<>();
        for (GeneratedRecord r : data) {
            RecordLabel label = r.label();
            assertThat(label.watermarkOnArrival().lowest()).isEqualTo(label.watermarkOnArrival().highest());
            long ts = label.eventTime().toEpochMilli();
            long start = Math.floorDiv(ts, WINDOW_MS) * WINDOW_MS;
            boolean fired = label.watermarkOnArrival().surelyAtOrPast(Instant.ofEpochMilli(start + WINDOW_MS - 1));
            if (!fired) {
                counts.merge(LocalDateTime.ofEpochSecond(start / 1000, 0, ZoneOffset.UTC).format(SQL_TIME), 1L,
                        Long::sum);
            }
        }
        return counts;
    }

    private static List<Row> rows(Map<String, Long> windows) {
        return windows.entrySet().stream().map(e -> Row.of("window_start", e.getKey(), "clicks", e.getValue()))
                .toList();
    }
}
