package io.flinkharness.run;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.flink.JobMetrics;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An unbounded TUMBLE job on the real embedded environment, driven step by step: produce, move event time with
 * heartbeats, wait for windows on the read_committed output, produce again.
 */
class UnboundedRunTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static final String TABLES = """
            CREATE TABLE clicks (`user` STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
            WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}', 'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset', 'format' = 'json', 'scan.watermark.emit.strategy' = 'on-event');
            CREATE TABLE counts (`user` STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), clicks BIGINT)
            WITH ('connector' = 'kafka', 'topic' = '${topic.counts}', 'properties.bootstrap.servers' = '${bootstrap.servers}',
              'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}');
            """;
    static final String COUNT_PER_WINDOW = """
            INSERT INTO counts SELECT `user`, window_start, window_end, COUNT(*) FROM TABLE(
              TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            WHERE `user` <> 'heartbeat' GROUP BY `user`, window_start, window_end""";

    private final CaseRunner runner = SharedTestEnvironment.runner();

    static TestRecord click(String user, int second, int partition) {
        return TestRecord.of(user, "{\"user\":\"" + user + "\",\"ts\":\"" + LocalDateTime.ofInstant(T0.plusSeconds(second),
                java.time.ZoneOffset.UTC).toString().replace('T', ' ') + "\"}").withPartition(partition);
    }

    @Test
    void produceFireWaitThenProduceAgain() {
        // checkpoints every second: "visible within 2 checkpoints" must hold on a busy machine too
        try (CaseRunner slowCheckpoints = CaseRunner.on(SharedTestEnvironment.get(),
                RunnerSettings.defaults().withCheckpointInterval(java.time.Duration.ofSeconds(1)));
             TestSession session = slowCheckpoints.openSession("unbounded steps")) {
            session.createTopics(Map.of("clicks", 2, "counts", 1));
            session.execute(TABLES);
            SqlJob job = session.start(COUNT_PER_WINDOW).awaitRunning();
            EventTime clicks = session.eventTime("clicks").withValues(Map.of("user", "heartbeat"));

            session.topic("clicks").send(click("alice", 1, 0), click("bob", 3, 1), click("alice", 8, 1));
            clicks.fireWindowEndingAt(T0.plusSeconds(10));
            VisibleOutput first = session.awaitTable("counts").withinCheckpoints(2).untilWindowFired(T0.plusSeconds(10));

            assertThat(first.table()).columns("user", "clicks").containsExactlyRowsInAnyOrder(
                    Row.of("user", "alice", "clicks", 2L), Row.of("user", "bob", "clicks", 1L));
            assertThat(first.sinceLastInput()).hasValueSatisfying(d -> assertThat(d).isPositive());
            // visible output was committed by a checkpoint that completed after the input was sent
            assertThat(first.checkpointsSinceLastInput()).hasValueSatisfying(c -> assertThat(c).isBetween(1L, 2L));

            // the next window: not fired at watermark 00:00:10 (the slower partition's 00:00:12 minus 2 s),
            // fired once event time moves past 00:00:20
            session.topic("clicks").send(click("carol", 12, 0), click("carol", 15, 1));
            session.awaitTable("counts").assertNotFired(T0.plusSeconds(20), T0.plusSeconds(10));
            clicks.fireWindowEndingAt(T0.plusSeconds(20));
            VisibleOutput second = session.awaitTable("counts").untilRowCount(3);
            assertThat(second.table()).columns("user", "clicks").containsRows(Row.of("user", "carol", "clicks", 2L));

            // a record for the first window now arrives after the watermark passed it: dropped, never counted
            JobMetrics before = job.awaitWatermark(T0.plusSeconds(20));
            job.assertDroppedAsLate(session.topic("clicks"), click("alice", 2, 0));
            assertThat(job.lateRecordsDropped()).isEqualTo(before.lateRecordsDropped() + 1);
            assertThat(session.awaitedOutputs()).hasSize(2);
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }
    }

    @Test
    void notFiredCannotBeAskedOnceTheWatermarkHasPassedTheWindow() {
        try (TestSession session = runner.openSession("fired already")) {
            session.createTopics(Map.of("clicks", 1, "counts", 1));
            session.execute(TABLES);
            session.start(COUNT_PER_WINDOW).awaitRunning();
            session.topic("clicks").send(click("alice", 1, 0), click("alice", 30, 0));
            session.awaitTable("counts").untilWindowFired(T0.plusSeconds(10));

            assertThatThrownBy(() -> session.awaitTable("counts")
                    .assertNotFired(T0.plusSeconds(10), T0.plusSeconds(10).minusMillis(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at watermark 2026-01-01T00:00:09.999Z it may well have fired");
            assertThatThrownBy(() -> session.awaitTable("counts").assertNotFired(T0.plusSeconds(20), T0.plusSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has reached 2026-01-01T00:00:28Z, past the end of the window ending at"
                            + " 2026-01-01T00:00:20Z");
        }
    }

    @Test
    void aGroupByOnFlooredTimeEmitsBeforeTheWatermarkAndFailsTheNotFiredAssertion() {
        try (TestSession session = runner.openSession("fired early")) {
            session.createTopics(Map.of("clicks", 1, "counts", 1));
            session.execute(TABLES.substring(0, TABLES.indexOf("CREATE TABLE counts")) + """
                    CREATE TABLE counts (`user` STRING, window_end TIMESTAMP(3), clicks BIGINT,
                      PRIMARY KEY (`user`, window_end) NOT ENFORCED)
                    WITH ('connector' = 'upsert-kafka', 'topic' = '${topic.counts}',
                      'properties.bootstrap.servers' = '${bootstrap.servers}', 'key.format' = 'json',
                      'value.format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',
                      'sink.transactional-id-prefix' = '${case.id}');
                    """);
            session.start("INSERT INTO counts SELECT `user`, TIMESTAMPADD(SECOND, 10, FLOOR(ts TO MINUTE)), COUNT(*)"
                    + " FROM clicks GROUP BY `user`, TIMESTAMPADD(SECOND, 10, FLOOR(ts TO MINUTE))").awaitRunning();
            session.topic("clicks").send(click("alice", 1, 0), click("alice", 4, 0));

            assertThatThrownBy(() -> session.awaitTable("counts").assertNotFired(T0.plusSeconds(10), T0.plusSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("expected the window ending at 2026-01-01T00:00:10Z not to have fired at"
                            + " watermark 2026-01-01T00:00:02Z, but table counts has its row:");
        }
    }
}
