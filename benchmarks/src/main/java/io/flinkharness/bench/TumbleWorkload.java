package io.flinkharness.bench;

import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The TUMBLE sample at benchmark size: {@code n} clicks of 10 users over 4 partitions, out of order by up to
 * 1.5 s (inside the 2 s watermark delay), with the expected rows computed here so every run is checked.
 */
final class TumbleWorkload {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long WINDOW_MS = 5_000;

    private TumbleWorkload() {
    }

    static SqlCase build(int n, long seed) {
        Random random = new Random(seed);
        List<TestRecord> records = new ArrayList<>();
        Map<String, long[]> expected = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String user = "user-" + (i % 10);
            long amount = 1 + random.nextInt(100);
            Instant ts = START.plusMillis(i * 100L - random.nextInt(1_500)).plusMillis(1_500);
            String value = "{\"user\":\"" + user + "\",\"amount\":" + amount + ",\"ts\":\"" + sql(ts) + "\"}";
            records.add(TestRecord.of(user, value, ts).withPartition(i % 4));
            long windowStart = Math.floorDiv(ts.toEpochMilli(), WINDOW_MS) * WINDOW_MS;
            long[] acc = expected.computeIfAbsent(user + "|" + windowStart, k -> new long[2]);
            acc[0]++;
            acc[1] += amount;
        }
        List<Row> rows = new ArrayList<>();
        expected.forEach((key, acc) -> {
            String[] parts = key.split("\\|");
            rows.add(Row.of("user", parts[0], "window_start", sql(Instant.ofEpochMilli(Long.parseLong(parts[1]))),
                    "clicks", acc[0], "total", acc[1]));
        });
        return SqlCase.named("tumble benchmark " + n)
                .topic("clicks", 4).topic("counts", 1)
                .input("clicks", records)
                .ddl(DDL).dml(DML)
                .expectRows("counts", rows)
                .timeout(Duration.ofSeconds(120))
                .build();
    }

    private static String sql(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(SQL_TIME);
    }

    private static final String DDL = """
            CREATE TABLE clicks (`user` STRING, amount BIGINT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
            ) WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');
            CREATE TABLE counts (`user` STRING, window_start TIMESTAMP(3), clicks BIGINT, total BIGINT
            ) WITH ('connector' = 'kafka', 'topic' = '${topic.counts}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}',
              'format' = 'json')
            """;
    private static final String DML = """
            INSERT INTO counts
            SELECT `user`, window_start, COUNT(*), SUM(amount)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))
            GROUP BY `user`, window_start, window_end
            """;
}
