package io.flinkharness.bench.junit;

import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;

/** The test classes the extension benchmark runs; not tests of this project. */
public final class Fixtures {
    /** Milliseconds each {@link Sql} test spent in its own SQL (produce, run to the end, read). */
    static final List<Double> SQL_MILLIS = new CopyOnWriteArrayList<>();
    static final int REPETITIONS = 20;
    static final int SQL_REPETITIONS = 10;
    static final int RECORDS = 100;

    private Fixtures() {
    }

    /** Tests that do nothing with the harness's typical set-up: two topics and a DDL script. */
    @Order(1)
    @FlinkSqlTest
    @KafkaTopic(name = "clicks", partitions = 2)
    @KafkaTopic(name = "per_window")
    @SqlScript("bench/tables.sql")
    public static class Empty {
        @RepeatedTest(REPETITIONS)
        void nothing(TestSession session) {
            if (session.topics().size() != 2) {
                throw new AssertionError("expected the two declared topics, got " + session.topics());
            }
        }
    }

    /** The same empty tests without the extension: JUnit's own cost per test. */
    @Order(2)
    public static class Plain {
        @RepeatedTest(REPETITIONS)
        void nothing() {
        }
    }

    /** A bounded TUMBLE count over {@value #RECORDS} records, checked. */
    @Order(3)
    @FlinkSqlTest
    @KafkaTopic(name = "clicks", partitions = 2)
    @KafkaTopic(name = "per_window")
    @SqlScript("bench/tables.sql")
    public static class Sql {
        @RepeatedTest(SQL_REPETITIONS)
        void countsPerWindow(TestSession session, @Topic("clicks") SessionTopic clicks) {
            long start = System.nanoTime();
            List<TestRecord> records = new ArrayList<>();
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < RECORDS; i++) {
                records.add(TestRecord.of(null, "{\"user\":\"u" + (i % 5) + "\"}", t0.plusMillis(100L * i))
                        .withPartition(i % 2));
            }
            clicks.send(records);
            session.run("INSERT INTO per_window SELECT `user`, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks,"
                    + " DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY `user`, window_start, window_end");
            int rows = session.table("per_window").size();
            SQL_MILLIS.add((System.nanoTime() - start) / 1e6);
            if (rows != RECORDS / 10 * 5) {
                throw new AssertionError("expected " + (RECORDS / 10 * 5) + " window rows, got " + rows);
            }
        }
    }
}
