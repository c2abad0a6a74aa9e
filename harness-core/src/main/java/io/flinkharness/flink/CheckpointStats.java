package io.flinkharness.flink;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A job's checkpoints at one moment. Exactly-once Kafka sinks commit their transactions when a checkpoint
 * completes, so this tells when output becomes visible to read_committed consumers.
 *
 * @param interval the checkpoint interval, empty when checkpointing is off
 * @param completed checkpoints completed since the job started
 * @param failed checkpoints that failed
 * @param inProgress checkpoints running now
 * @param lastCompleted when the latest completed checkpoint was acknowledged by every task
 */
public record CheckpointStats(Optional<Duration> interval, long completed, long failed, long inProgress,
                              Optional<Instant> lastCompleted) {

    public boolean enabled() {
        return interval.isPresent();
    }
}
