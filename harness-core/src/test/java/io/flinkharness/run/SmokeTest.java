package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void tumble() {
        long t0 = System.nanoTime();
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(); CaseRunner runner = CaseRunner.on(env)) {
            System.out.println("env ready in " + env.startTime().toMillis() + " ms: " + env);
            for (int round = 0; round < 4; round++) {
                List<TestRecord> records = new ArrayList<>();
                Instant base = Instant.parse("2024-01-01T00:00:00Z");
                for (int i = 0; i < 10; i++) {
                    Instant ts = base.plusSeconds(i);
                    records.add(TestRecord.of("u" + (i % 2), "{\"user\":\"u" + (i % 2) + "\",\"amount\":" + i
                            + ",\"ts\":\"" + ts.toString().replace("T", " ").replace("Z", "") + "\"}", ts).withPartition(i % 4));
                }
                SqlCase c = SqlCase.named("smoke tumble")
                        .topic("clicks", 4).topic("counts", 1)
                        .input("clicks", records)
                        .ddl("""
                                CREATE TABLE clicks (
                                  `user` STRING, amount BIGINT, ts TIMESTAMP(3),
                                  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
                                ) WITH (
                                  'connector' = 'kafka', 'topic' = '${topic.clicks}',
                                  'properties.bootstrap.servers' = '${bootstrap.servers}',
                                  'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',
                                  'format' = 'json');
                                CREATE TABLE counts (
                                  `user` STRING, window_start TIMESTAMP(3), clicks BIGINT, total BIGINT
                                ) WITH (
                                  'connector' = 'kafka', 'topic' = '${topic.counts}',
                                  'properties.bootstrap.servers' = '${bootstrap.servers}',
                                  'sink.delivery-guarantee' = 'exactly-once',
                                  'sink.transactional-id-prefix' = '${case.id}',
                                  'format' = 'json')
                                """)
                        .dml("""
                                INSERT INTO counts
                                SELECT `user`, window_start, COUNT(*), SUM(amount)
                                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))
                                GROUP BY `user`, window_start, window_end
                                """)
                        .expectRows("counts",
                                Row.of("user", "u0", "window_start", "2024-01-01 00:00:00", "clicks", 3, "total", 6),
                                Row.of("user", "u1", "window_start", "2024-01-01 00:00:00", "clicks", 2, "total", 4),
                                Row.of("user", "u0", "window_start", "2024-01-01 00:00:05", "clicks", 2, "total", 14),
                                Row.of("user", "u1", "window_start", "2024-01-01 00:00:05", "clicks", 3, "total", 21))
                        .build();
                CaseResult r = runner.run(c);
                System.out.println(r.status() + " in " + r.elapsed().toMillis() + " ms (" + r.timings() + ") " + r.message());
                assertThat(r.passed()).as(r.message()).isTrue();
            }
        }
        System.out.println("total " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
