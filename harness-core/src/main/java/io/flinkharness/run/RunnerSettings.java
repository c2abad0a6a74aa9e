package io.flinkharness.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings for how a {@link CaseRunner} runs cases.
 *
 * <pre>{@code
 * RunnerSettings settings = RunnerSettings.defaults().withSessionOption("table.exec.mini-batch.enabled", "true");
 * }</pre>
 *
 * @param checkpointInterval how often jobs checkpoint; exactly-once output becomes visible at checkpoints, and a
 *     bounded job's final checkpoint waits for the next tick, so this bounds per-case latency from below
 * @param parallelism default parallelism of the jobs
 * @param sessionOptions further Flink options for every case's gateway session
 */
public record RunnerSettings(Duration checkpointInterval, int parallelism, Map<String, String> sessionOptions) {

    public RunnerSettings {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval cannot be null");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive, got " + checkpointInterval);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        sessionOptions = Map.copyOf(sessionOptions);
    }

    /** Checkpoints every 100 ms, parallelism 1, no further options. */
    public static RunnerSettings defaults() {
        return new RunnerSettings(Duration.ofMillis(100), 1, Map.of());
    }

    public RunnerSettings withCheckpointInterval(Duration interval) {
        return new RunnerSettings(interval, parallelism, sessionOptions);
    }

    public RunnerSettings withParallelism(int p) {
        return new RunnerSettings(checkpointInterval, p, sessionOptions);
    }

    public RunnerSettings withSessionOption(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(sessionOptions);
        copy.put(key, value);
        return new RunnerSettings(checkpointInterval, parallelism, copy);
    }

    /** The options every case's session starts with. */
    Map<String, String> sessionProperties(String caseName) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("execution.runtime-mode", "streaming");
        props.put("execution.checkpointing.interval", checkpointInterval.toMillis() + " ms");
        // a failing job must fail, not restart for ever: the harness reports its exception
        props.put("restart-strategy.type", "none");
        props.put("parallelism.default", String.valueOf(parallelism));
        // results of TIMESTAMP_LTZ windows must not depend on the machine's time zone
        props.put("table.local-time-zone", "UTC");
        props.put("table.dml-sync", "false");
        props.put("pipeline.name", "flink-sql-harness: " + caseName);
        props.putAll(sessionOptions);
        return props;
    }
}
