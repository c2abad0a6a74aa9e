package io.flinkharness.bench.unbounded;

import io.flinkharness.kafka.TestRecord;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The unbounded workload: clicks counted per user and 10-second TUMBLE window (event time), read from a topic of
 * several partitions with a watermark on every record, written exactly-once. Window {@code i} gets its clicks
 * spread over every partition; heartbeats (user {@code heartbeat}, filtered out by the query) close it. The
 * expected counts are computed here, so every window the benchmark waits for is checked.
 */
final class ClickWindows {
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final String HEARTBEAT_USER = "heartbeat";

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int USERS = 5;

    static final String TABLES = """
            CREATE TABLE clicks (`user` STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
            WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}',
              'properties.bootstrap.servers' = '${bootstrap.servers}', 'scan.startup.mode' = 'earliest-offset',
              'scan.watermark.emit.strategy' = 'on-event', 'format' = 'json');
            CREATE TABLE counts (`user` STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), clicks BIGINT)
            WITH ('connector' = 'kafka', 'topic' = '${topic.counts}',
              'properties.bootstrap.servers' = '${bootstrap.servers}', 'format' = 'json',
              'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}');
            """;
    static final String COUNT_PER_WINDOW = """
            INSERT INTO counts SELECT `user`, window_start, window_end, COUNT(*)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            WHERE `user` <> 'heartbeat'
            GROUP BY `user`, window_start, window_end""";

    private final int recordsPerWindow;
    private final int partitions;

    ClickWindows(int recordsPerWindow, int partitions) {
        this.recordsPerWindow = recordsPerWindow;
        this.partitions = partitions;
    }

    static Instant end(int window) {
        return START.plus(WINDOW.multipliedBy(window + 1L));
    }

    /**
     * The clicks of window {@code window}, evenly spaced from its start, round-robin over the partitions. None is
     * late: the previous window's heartbeats moved the watermark only to this window's start.
     */
    List<TestRecord> clicks(int window) {
        Instant start = end(window).minus(WINDOW);
        long step = WINDOW.toMillis() / recordsPerWindow;
        List<TestRecord> records = new ArrayList<>();
        for (int i = 0; i < recordsPerWindow; i++) {
            String user = user(i);
            Instant ts = start.plusMillis(i * step);
            records.add(TestRecord.of(user, "{\"user\":\"" + user + "\",\"ts\":\"" + sql(ts) + "\"}", ts)
                    .withPartition(i % partitions));
        }
        return records;
    }

    /** Clicks per user that window {@code window} must count. */
    Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < recordsPerWindow; i++) {
            counts.merge(user(i), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Checks the rows of window {@code window} in the committed output.
     *
     * @throws IllegalStateException if they are not the expected counts
     */
    void check(ResultTable output, int window) {
        Map<String, Long> actual = new TreeMap<>();
        Instant end = end(window);
        for (ResultRow row : output.rows()) {
            if (instant(row.get("window_end")).equals(end)) {
                actual.put((String) row.get("user"), ((Number) row.get("clicks")).longValue());
            }
        }
        if (!actual.equals(expectedCounts())) {
            throw new IllegalStateException("window ending at " + end + ": expected clicks per user "
                    + expectedCounts() + " but the committed output has " + actual + ":\n" + output.describe());
        }
    }

    private static String user(int record) {
        return "user-" + (record % USERS);
    }

    private static String sql(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(SQL_TIME);
    }

    private static Instant instant(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("window_end is a " + (value == null ? "null" : value.getClass().getName())
                + " (" + value + "), not a timestamp");
    }
}
