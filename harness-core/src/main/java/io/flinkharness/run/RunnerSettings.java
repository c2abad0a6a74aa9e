package io.flinkharness.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings for how a {@link CaseRunner} runs cases.
 *
 * <pre>{@code
 * RunnerSettings settings = RunnerSettings.defaults().withSessionOption("table.exec.mini-batch.enabled", "true");
 * RunnerSettings withAvroConfluent = RunnerSettings.defaults().withSessionJar(AvroConfluentFormat.jar());
 * }</pre>
 *
 * @param checkpointInterval how often jobs checkpoint; exactly-once output becomes visible at checkpoints, and a
 *     bounded job's final checkpoint waits for the next tick, so this bounds per-case latency from below
 * @param parallelism default parallelism of the jobs
 * @param sessionOptions further Flink options for every case's gateway session
 * @param sessionJars jars added to every case's session ({@code ADD JAR}) right after it opens, in order: formats
 *     and connectors that must not share the harness's classpath, loaded by Flink in the session's and the jobs'
 *     user class loader and shipped with every job
 */
public record RunnerSettings(Duration checkpointInterval, int parallelism, Map<String, String> sessionOptions,
                             List<Path> sessionJars) {

    public RunnerSettings {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval cannot be null");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive, got " + checkpointInterval);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        sessionOptions = Map.copyOf(sessionOptions);
        sessionJars = List.copyOf(sessionJars);
    }

    /** Checkpoints every 100 ms, parallelism 1, no further options. */
    public static RunnerSettings defaults() {
        return new RunnerSettings(Duration.ofMillis(100), 1, Map.of(), List.of());
    }

    public RunnerSettings withCheckpointInterval(Duration interval) {
        return new RunnerSettings(interval, parallelism, sessionOptions, sessionJars);
    }

    public RunnerSettings withParallelism(int p) {
        return new RunnerSettings(checkpointInterval, p, sessionOptions, sessionJars);
    }

    public RunnerSettings withSessionOption(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(sessionOptions);
        copy.put(key, value);
        return new RunnerSettings(checkpointInterval, parallelism, copy, sessionJars);
    }

    /**
     * Adds a jar to every case's session, e.g. {@code AvroConfluentFormat.jar()} for the {@code avro-confluent}
     * format. The jar must exist when a {@link CaseRunner} is created, and the SQL Gateway must be able to read
     * the path (the embedded gateway runs in this JVM; a remote one needs the file on its own machine).
     */
    public RunnerSettings withSessionJar(Path jar) {
        Objects.requireNonNull(jar, "jar cannot be null");
        List<Path> copy = new ArrayList<>(sessionJars);
        copy.add(jar.toAbsolutePath());
        return new RunnerSettings(checkpointInterval, parallelism, sessionOptions, copy);
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
