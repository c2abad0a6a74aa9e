package io.flinkharness.diagnosis.internal;

import io.flinkharness.flink.CheckpointStats;
import io.flinkharness.flink.JobMetrics;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.kafka.TopicEnds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the harness saw of a session's jobs, their input and output at one moment: the ground of a
 * {@link io.flinkharness.diagnosis.Diagnosis}. Not part of the public API.
 *
 * @param observedAt when the facts were gathered
 * @param awaitedWatermark the event time the awaited output needs the watermark to pass (a window's end), if known
 */
public record Facts(Instant observedAt, List<Job> jobs, List<Source> sources, List<Output> outputs,
                    Optional<Instant> awaitedWatermark) {

    public Facts {
        jobs = List.copyOf(jobs);
        sources = List.copyOf(sources);
        outputs = List.copyOf(outputs);
    }

    /**
     * @param statement the head of the statement that started it
     * @param failure the root cause, for a failed job
     * @param metrics watermarks and drops, when the job runs and the REST API answered
     * @param problem why metrics or checkpoints are missing, if they are
     */
    public record Job(String id, String statement, JobStatus status, Optional<String> failure,
                      Optional<Instant> started, Optional<JobMetrics> metrics, Optional<CheckpointStats> checkpoints,
                      Optional<String> problem) {
    }

    /**
     * A Kafka source table with a watermark.
     *
     * @param idleTimeout the idle timeout in force and where it is set, empty if none
     */
    public record Source(String table, String topic, Optional<Duration> watermarkDelay, Optional<String> idleTimeout,
                         List<Partition> partitions, Optional<String> problem) {
        public Source {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * @param records records in the partition
     * @param oldest the oldest event time among them
     * @param newest the newest event time among them
     */
    public record Partition(int partition, long records, Optional<Instant> oldest, Optional<Instant> newest) {
    }

    /** A table a job writes to, and what its topic holds. */
    public record Output(String table, String topic, long committedRecords, TopicEnds ends) {
    }
}
