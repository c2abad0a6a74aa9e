package io.flinkharness.run;

import static io.flinkharness.run.UnboundedRunTest.T0;
import static io.flinkharness.run.UnboundedRunTest.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.diagnosis.Diagnosis;
import io.flinkharness.diagnosis.Finding;
import io.flinkharness.diagnosis.Finding.Kind;
import io.flinkharness.kafka.TestRecord;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each known stall, reproduced for real on the embedded environment: the wait times out and its error explains
 * why, by name, with the fix.
 */
class StallDiagnosisTest {
    private static final Duration SHORT = Duration.ofSeconds(3);

    private final CaseRunner runner = SharedTestEnvironment.runner();

    private static String tables(String watermarkDelay, String extraSourceOptions) {
        return UnboundedRunTest.TABLES.replace("INTERVAL '2' SECOND", watermarkDelay)
                .replace("'scan.watermark.emit.strategy' = 'on-event'", "'scan.watermark.emit.strategy' = 'on-event'"
                        + extraSourceOptions);
    }

    /** Topics clicks (with {@code partitions}) and counts, the tables, and the running TUMBLE job. */
    private static SqlJob startCounting(TestSession session, int partitions, String tables) {
        session.createTopics(Map.of("clicks", partitions, "counts", 1));
        session.execute(tables);
        return session.start(UnboundedRunTest.COUNT_PER_WINDOW).awaitRunning();
    }

    private static Diagnosis stall(TestSession session) {
        OutputStallError error = catchThrowableOfType(OutputStallError.class,
                () -> session.awaitTable("counts").atMost(SHORT).untilWindowFired(T0.plusSeconds(10)));
        assertThat(error).as("the wait should have timed out").isNotNull();
        assertThat(error.getMessage()).startsWith("waited 3000 ms for a row of table counts with window_end = "
                + "2026-01-01T00:00:10Z (read_committed); last seen: 0 rows\ndiagnosis:\n");
        return error.diagnosis();
    }

    @Test
    void aPartitionThatNeverGetsARecordHoldsTheWatermark() {
        try (TestSession session = runner.openSession("idle partition")) {
            startCounting(session, 3, tables("INTERVAL '2' SECOND", ""));
            session.topic("clicks").send(click("alice", 1, 0), click("bob", 2, 1), click("alice", 40, 0),
                    click("bob", 41, 1));

            Diagnosis diagnosis = stall(session);

            String topic = session.topic("clicks").name();
            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind).containsExactly(Kind.IDLE_PARTITION);
            assertThat(diagnosis.findings().get(0).explanation()).isEqualTo("partition 2 of table clicks (topic "
                    + topic + ") never received a record: the source watermark is held at -inf, and a window fires"
                    + " only once the watermark of every partition has passed its end, so no window can fire.");
            assertThat(diagnosis.findings().get(0).fix()).isEqualTo("set 'scan.watermark.idle-timeout' = '1 s' on"
                    + " table clicks (or SET 'table.exec.source.idle-timeout' = '1 s'), or send a heartbeat to every"
                    + " partition: session.eventTime(\"clicks\").advanceTo(...).");
            assertThat(diagnosis.facts())
                    .containsPattern("\n    partition 0: 2 records, event time 2026-01-01T00:00:01Z \\.\\."
                            + " 2026-01-01T00:00:40Z, watermark 2026-01-01T00:00:38Z\n")
                    .contains("\n    partition 2: no records, watermark -inf (no watermark yet)\n")
                    .contains(", idle timeout none, read by the job: 4 of 4 records\n");
        }
    }

    @Test
    void anIdleTimeoutLetsTheSameInputFireTheWindow() {
        try (TestSession session = runner.openSession("idle timeout")) {
            startCounting(session, 3, tables("INTERVAL '2' SECOND", ", 'scan.watermark.idle-timeout' = '500 ms'"));
            session.topic("clicks").send(click("alice", 1, 0), click("bob", 2, 1), click("alice", 40, 0),
                    click("bob", 41, 1));

            VisibleOutput fired = session.awaitTable("counts").untilWindowFired(T0.plusSeconds(10));

            assertThat(fired.table().size()).isEqualTo(2);
        }
    }

    @Test
    void aPartitionFarBehindTheOthersHoldsTheWatermark() {
        try (TestSession session = runner.openSession("partition behind")) {
            startCounting(session, 2, tables("INTERVAL '2' SECOND", ""));
            session.topic("clicks").send(click("alice", 1, 0), click("bob", 5, 0), click("alice", 2, 1),
                    click("bob", 40, 1));

            Diagnosis diagnosis = stall(session);

            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind)
                    .containsExactly(Kind.PARTITION_BEHIND);
            assertThat(diagnosis.findings().get(0).explanation()).isEqualTo("partition 0 of table clicks (topic "
                    + session.topic("clicks").name() + ") has its newest record at 2026-01-01T00:00:05Z, partition 1"
                    + " at 2026-01-01T00:00:40Z: the watermark follows the slowest partition and is at most"
                    + " 2026-01-01T00:00:03Z.");
        }
    }

    @Test
    void aWatermarkDelayLongerThanTheDataSpanClosesNoWindow() {
        try (TestSession session = runner.openSession("delay beyond data")) {
            startCounting(session, 2, tables("INTERVAL '5' MINUTE", ""));
            session.topic("clicks").send(click("alice", 1, 0), click("bob", 5, 1), click("alice", 50, 0),
                    click("bob", 62, 1));

            Diagnosis diagnosis = stall(session);

            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind)
                    .containsExactly(Kind.WATERMARK_DELAY_EXCEEDS_DATA);
            assertThat(diagnosis.findings().get(0).explanation()).isEqualTo("the watermark delay of table clicks"
                    + " (topic " + session.topic("clicks").name() + ") (5 min) is at least the span of its data in"
                    + " event time (oldest record 2026-01-01T00:00:01Z, newest 2026-01-01T00:00:50Z in the slowest"
                    + " partition, 0): the watermark can reach at most 2025-12-31T23:55:50Z, not past the oldest"
                    + " record, so no window holding a record can fire.");
            assertThat(diagnosis.findings().get(0).fix()).contains("fireWindowEndingAt(end)");
        }
    }

    @Test
    void outputInAnOpenTransactionBeforeTheFirstCheckpoint() {
        try (TestSession session = runner.openSession("no checkpoint yet")) {
            SqlJob job = startCounting(session, 1, "SET 'execution.checkpointing.interval' = '10 min';\n"
                    + tables("INTERVAL '2' SECOND", ""));
            session.topic("clicks").send(click("alice", 1, 0), click("alice", 30, 0));

            Diagnosis diagnosis = stall(session);

            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind).containsExactly(Kind.NO_CHECKPOINT_YET);
            assertThat(diagnosis.findings().get(0).explanation()).startsWith("table counts (topic "
                    + session.topic("counts").name() + ") has 1 offset in open transactions, invisible to"
                    + " read_committed consumers: job " + job.id() + " has completed no checkpoint since it started ")
                    .endsWith(" ago (interval 10 min), and its exactly-once sink commits only when one completes.");
            assertThat(diagnosis.findings().get(0).fix()).startsWith("lower 'execution.checkpointing.interval' (now 10 min;");
        }
    }

    @Test
    void withoutCheckpointsTheExactlyOnceSinkNeverCommits() {
        try (TestSession session = runner.openSession("checkpointing off")) {
            SqlJob job = startCounting(session, 1, "RESET 'execution.checkpointing.interval';\n"
                    + tables("INTERVAL '2' SECOND", ""));
            session.topic("clicks").send(click("alice", 1, 0), click("alice", 30, 0));

            Diagnosis diagnosis = stall(session);

            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind)
                    .containsExactly(Kind.CHECKPOINTING_OFF);
            assertThat(diagnosis.findings().get(0).explanation()).isEqualTo("table counts (topic "
                    + session.topic("counts").name() + ") has 1 offset in open transactions, invisible to"
                    + " read_committed consumers, and job " + job.id() + " does not checkpoint: its exactly-once"
                    + " sink commits only when a checkpoint completes, so they are never committed.");
        }
    }

    @Test
    void outputWaitsInAnOpenTransactionForTheNextCheckpoint() {
        try (TestSession session = runner.openSession("between checkpoints")) {
            // checkpoints 12 s apart: after one completes, the window's row waits the rest of the interval
            SqlJob job = startCounting(session, 1, "SET 'execution.checkpointing.interval' = '12 s';\n"
                    + tables("INTERVAL '2' SECOND", ""));
            job.awaitCheckpoints(1, Duration.ofSeconds(30));
            session.topic("clicks").send(click("alice", 1, 0), click("alice", 30, 0));

            Diagnosis diagnosis = stall(session);

            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind)
                    .containsExactly(Kind.OPEN_TRANSACTION);
            assertThat(diagnosis.findings().get(0).explanation()).startsWith("table counts (topic "
                    + session.topic("counts").name() + ") has 1 offset in open transactions, invisible to"
                    + " read_committed consumers until the next checkpoint completes (job " + job.id() + ": ")
                    .endsWith(", interval 12 s).");
        }
    }

    @Test
    void recordsBehindTheWatermarkAreDroppedAsLate() {
        try (TestSession session = runner.openSession("late dropped")) {
            startCounting(session, 1, tables("INTERVAL '2' SECOND", ""));
            session.topic("clicks").send(click("alice", 1, 0), click("alice", 30, 0), click("bob", 3, 0),
                    click("bob", 4, 0));

            OutputStallError error = catchThrowableOfType(OutputStallError.class,
                    () -> session.awaitTable("counts").atMost(SHORT).until("a count for bob",
                            t -> t.rows().stream().anyMatch(r -> "bob".equals(r.get("user")))));

            Diagnosis diagnosis = error.diagnosis();
            assertThat(diagnosis.findings()).as(diagnosis.render()).extracting(Finding::kind).containsExactly(Kind.LATE_RECORDS_DROPPED);
            assertThat(diagnosis.findings().get(0).explanation()).matches("window operators dropped late input"
                    + " \\(GlobalWindowAggregate\\[\\d+] dropped 1; a two-phase aggregate counts the late records of"
                    + " one key and window that arrive together once\\): they arrived after the watermark had passed"
                    + " the end of their window, so no window counts them\\.");
        }
    }

    @Test
    void aJobThatFailsIsReportedWithItsRootCause() {
        try (TestSession session = runner.openSession("job failed")) {
            SqlJob job = startCounting(session, 1, tables("INTERVAL '2' SECOND", ""));
            session.topic("clicks").send(TestRecord.of("alice", "this is not JSON"));

            OutputStallError error = catchThrowableOfType(OutputStallError.class,
                    () -> session.awaitTable("counts").atMost(Duration.ofSeconds(30)).untilWindowFired(T0.plusSeconds(10)));

            assertThat(error.getMessage()).startsWith("job " + job.id() + " FAILED: ");
            assertThat(error.diagnosis().findings()).as(error.diagnosis().render()).extracting(Finding::kind).containsExactly(Kind.JOB_FAILED);
            assertThat(error.diagnosis().findings().get(0).explanation())
                    .startsWith("job " + job.id() + " (INSERT INTO counts SELECT")
                    .contains("failed: ")
                    .contains("this is not JSON");
        }
    }
}
