package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.diagnosis.Finding;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.EventTime;
import io.flinkharness.run.OutputStallError;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.SqlJob;
import io.flinkharness.run.TestSession;
import io.flinkharness.run.VisibleOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clicks per user and 10-second TUMBLE window on a job that keeps running, driven step by step: send clicks, move
 * event time with heartbeats, wait until a window's rows are committed, send again. Heartbeats go to every
 * partition (user {@code heartbeat}, which the query filters out), because a window fires only once the watermark
 * of every partition has passed its end; the second test shows what an idle partition does without them.
 * Checkpoints every second, so "visible within two checkpoints" holds on a busy machine too.
 */
@FlinkSqlTest(checkpointInterval = "1s")
@KafkaTopic(name = "clicks", partitions = 2)
@KafkaTopic(name = "clicks_per_window")
@SqlScript("sql/unbounded-clicks.sql")
class UnboundedWindowTest {
    private static final String CLICKS_PER_WINDOW = """
            INSERT INTO clicks_per_window
            SELECT window_start, window_end, user_id, COUNT(*)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            WHERE user_id <> 'heartbeat'
            GROUP BY window_start, window_end, user_id""";

    @Test
    void firesEachWindowOnceEventTimePassesItAndDropsLateClicks(TestSession session,
            @Topic("clicks") SessionTopic clicks) {
        SqlJob job = session.start(CLICKS_PER_WINDOW).awaitRunning();
        EventTime eventTime = session.eventTime("clicks").withValues(Map.of("user_id", "heartbeat"));

        // window [00:00, 00:10): heartbeats at 00:12 (its end plus the 2 s delay) fire it; no checkpoint bound on
        // this first window: right after the start the job's first checkpoints are slow, then come in a burst
        clicks.send(click("alice", "00:00:01", 0), click("bob", "00:00:03", 1), click("alice", "00:00:08", 1));
        eventTime.fireWindowEndingAt(at("00:00:10"));
        VisibleOutput first = session.awaitTable("clicks_per_window").untilWindowFired(at("00:00:10"));
        assertThat(first.table())
                .columns("window_start", "user_id", "clicks")
                .containsExactlyRowsInAnyOrder(
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "alice", "clicks", 2),
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "bob", "clicks", 1));

        // window [00:10, 00:20): partition 0 is at 00:12, so the watermark stays at 00:10 — not fired yet
        clicks.send(click("carol", "00:00:15", 1), click("carol", "00:00:17", 1));
        session.awaitTable("clicks_per_window").assertNotFired(at("00:00:20"), at("00:00:10"));

        // fired by the heartbeats, its rows are committed at the next checkpoint (or the one after, if one was
        // under way when they arrived)
        eventTime.fireWindowEndingAt(at("00:00:20"));
        VisibleOutput second = session.awaitTable("clicks_per_window").withinCheckpoints(2)
                .untilWindowFired(at("00:00:20"));
        assertThat(second.table())
                .columns("window_start", "user_id", "clicks")
                .containsExactlyRowsInAnyOrder(
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "alice", "clicks", 2),
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "bob", "clicks", 1),
                        Row.of("window_start", "2024-01-01 00:00:10", "user_id", "carol", "clicks", 2));

        // the watermark is at 00:20 now: a click for the first window comes too late and is dropped, not counted
        job.assertDroppedAsLate(clicks, click("bob", "00:00:05", 0));
    }

    @Test
    void anIdlePartitionHoldsBackEveryWindowUntilItGetsAHeartbeat(TestSession session,
            @Topic("clicks") SessionTopic clicks) {
        session.start(CLICKS_PER_WINDOW).awaitRunning();

        // only partition 0 gets clicks: partition 1's watermark stays at -inf, and so does the job's
        clicks.send(click("alice", "00:00:01", 0), click("alice", "00:00:04", 0), click("alice", "00:00:15", 0));
        assertThatThrownBy(() -> session.awaitTable("clicks_per_window").atMost(Duration.ofSeconds(3))
                .untilWindowFired(at("00:00:10")))
                .isInstanceOfSatisfying(OutputStallError.class, stall ->
                        assertThat(stall.diagnosis().findings()).extracting(Finding::kind)
                                .contains(Finding.Kind.IDLE_PARTITION));

        // the fix: a heartbeat to every partition, at the window's end plus the 2 s delay
        session.eventTime("clicks").withValues(Map.of("user_id", "heartbeat")).advanceTo(at("00:00:12"));
        VisibleOutput fired = session.awaitTable("clicks_per_window").untilWindowFired(at("00:00:10"));
        assertThat(fired.table())
                .columns("window_start", "user_id", "clicks")
                .containsExactlyRowsInAnyOrder(
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "alice", "clicks", 2));
    }

    private static Instant at(String time) {
        return Instant.parse("2024-01-01T" + time + "Z");
    }

    /** A click whose JSON carries its event time; the Kafka timestamp is the same instant. */
    private static TestRecord click(String user, String time, int partition) {
        return TestRecord.of(user, "{\"user_id\":\"" + user + "\",\"page\":\"/home\",\"ts\":\"2024-01-01 " + time
                + "\"}", at(time)).withPartition(partition);
    }
}
