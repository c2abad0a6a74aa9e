package io.flinkharness.flink;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A job's checkpoints at one moment. Exactly-once Kafka sinks commit their transactions when a checkpoint
 * completes, so this tells when output becomes visible to read_committed consumers.
 *
 * @param interval the checkpoint interval, empty when checkpointing is off
 * @param completed checkpoints completed since the job started
 * @param failed checkpoints that failed (those triggered while the tasks still start fail, and do no harm)
 * @param inProgress checkpoints running now
 * @param lastCompleted when the latest completed checkpoint was acknowledged by every task
 * @param history the latest checkpoints, newest first, as many as the cluster remembers
 *     ({@code web.checkpoints.history})
 */
public record CheckpointStats(Optional<Duration> interval, long completed, long failed, long inProgress,
                              Optional<Instant> lastCompleted, List<Attempt> history) {

    public CheckpointStats {
        history = List.copyOf(history);
    }

    /** Counts without history. */
    public CheckpointStats(Optional<Duration> interval, long completed, long failed, long inProgress,
                           Optional<Instant> lastCompleted) {
        this(interval, completed, failed, inProgress, lastCompleted, List.of());
    }

    /**
     * One checkpoint of the history.
     *
     * @param status COMPLETED, FAILED or IN_PROGRESS
     * @param acknowledged when the last task acknowledged it (for a completed one: when it completed)
     */
    public record Attempt(long id, String status, Instant triggered, Optional<Instant> acknowledged) {
        public boolean isCompleted() {
            return "COMPLETED".equals(status);
        }
    }

    public boolean enabled() {
        return interval.isPresent();
    }

    /**
     * Checkpoints of the history that completed after {@code after} and by {@code until}: the commits an
     * exactly-once sink made in that time. Empty if the history does not reach back to {@code after}.
     */
    public Optional<Long> completedBetween(Instant after, Instant until) {
        Optional<Attempt> oldest = history.stream().min(Comparator.comparingLong(Attempt::id));
        boolean truncated = completed > history.stream().filter(Attempt::isCompleted).count();
        if (oldest.isEmpty() || (truncated && oldest.get().triggered().isAfter(after))) {
            return Optional.empty();
        }
        return Optional.of(history.stream().filter(Attempt::isCompleted)
                .filter(a -> a.acknowledged().map(t -> t.isAfter(after) && !t.isAfter(until)).orElse(false))
                .count());
    }

    /** Checkpoints of the history that failed after the latest completed one: failing now, not at start-up. */
    public long failedSinceLastCompleted() {
        long lastCompletedId = history.stream().filter(Attempt::isCompleted).mapToLong(Attempt::id).max()
                .orElse(Long.MAX_VALUE);
        return history.stream().filter(a -> "FAILED".equals(a.status()) && a.id() > lastCompletedId).count();
    }
}
