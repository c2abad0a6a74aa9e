package io.flinkharness.bench.unbounded;

import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.EventTime;
import io.flinkharness.run.RunnerSettings;
import io.flinkharness.run.TestSession;
import io.flinkharness.run.VisibleOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * One checkpoint interval of the benchmark: a runner with that interval, one session and one unbounded job, then
 * window after window: send its clicks, send the heartbeats that close it, wait until its rows are visible
 * read_committed (no sleeps: the harness polls the output) and check them.
 */
final class IntervalRun {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FlinkKafkaEnvironment env;
    private final ClickWindows workload;
    private final int partitions;
    private final int warmUpWindows;
    private final int windows;
    private final boolean randomPhase;
    private final Random random = new Random(42);

    IntervalRun(FlinkKafkaEnvironment env, int partitions, int recordsPerWindow, int warmUpWindows, int windows,
                boolean randomPhase) {
        this.env = env;
        this.workload = new ClickWindows(recordsPerWindow, partitions);
        this.partitions = partitions;
        this.warmUpWindows = warmUpWindows;
        this.windows = windows;
        this.randomPhase = randomPhase;
    }

    LatencySamples measure(Duration checkpointInterval) {
        RunnerSettings settings = RunnerSettings.defaults().withCheckpointInterval(checkpointInterval);
        try (CaseRunner runner = CaseRunner.on(env, settings);
             TestSession session = runner.openSession("unbounded latency " + checkpointInterval.toMillis() + " ms",
                     TIMEOUT)) {
            EventTime clicks = startJob(session);
            for (int w = 0; w < warmUpWindows; w++) {
                closeWindow(session, clicks, w, checkpointInterval);
            }
            List<Duration> latencies = new ArrayList<>();
            List<Long> checkpoints = new ArrayList<>();
            for (int w = warmUpWindows; w < warmUpWindows + windows; w++) {
                VisibleOutput out = closeWindow(session, clicks, w, checkpointInterval);
                String window = "window ending at " + ClickWindows.end(w);
                latencies.add(out.sinceLastInput().orElseThrow(() -> new IllegalStateException(
                        window + ": no latency, the session has no record of its last send")));
                checkpoints.add(out.checkpointsSinceLastInput().orElseThrow(() -> new IllegalStateException(
                        window + ": no checkpoint count, the job's checkpoints were not known at the send")));
            }
            return new LatencySamples(checkpointInterval, latencies, checkpoints);
        }
    }

    /** Topics, tables and the running job; returns the heartbeat driver of the clicks table. */
    private EventTime startJob(TestSession session) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put("clicks", partitions);
        topics.put("counts", 1);
        session.createTopics(topics);
        session.execute(ClickWindows.TABLES);
        session.start(ClickWindows.COUNT_PER_WINDOW).awaitRunning();
        return session.eventTime("clicks").withValues(Map.of("user", ClickWindows.HEARTBEAT_USER));
    }

    private VisibleOutput closeWindow(TestSession session, EventTime clicks, int window, Duration checkpointInterval) {
        session.topic("clicks").send(workload.clicks(window));
        if (randomPhase) {
            // not a wait for a result: desynchronises the heartbeat from the checkpoint that just committed the
            // previous window, so the send lands at a random point of the checkpoint interval
            LockSupport.parkNanos((long) (random.nextDouble() * checkpointInterval.toNanos()));
        }
        clicks.fireWindowEndingAt(ClickWindows.end(window));
        VisibleOutput out = session.awaitTable("counts").untilWindowFired(ClickWindows.end(window));
        workload.check(out.table(), window);
        return out;
    }
}
