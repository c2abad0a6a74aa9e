package io.flinkharness.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How event time advances over the generated records, before any disorder: a start instant and one or more phases,
 * each with its own spacing (a fixed step or a rate) and jitter. Event times are whole milliseconds, like Kafka
 * record timestamps.
 *
 * <pre>{@code
 * TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofSeconds(1));
 * TimeModel.startingAt(t0)
 *     .phase(100, Duration.ofSeconds(1))          // slow: 1 record/s
 *     .phase(500, Duration.ofMillis(10))          // burst: 100 records/s
 *     .pause(Duration.ofMinutes(5))               // nothing for 5 minutes
 *     .phaseAtRate(100, 2.0);                     // 2 records/s
 * }</pre>
 *
 * @param start the event time of the first record
 * @param phases the phases in order; a phase with {@code records = -1} takes the records left over
 */
public record TimeModel(Instant start, List<Phase> phases) {

    public TimeModel {
        Objects.requireNonNull(start, "start cannot be null");
        phases = List.copyOf(phases);
        long open = phases.stream().filter(p -> p.records() < 0).count();
        if (open > 1) {
            throw new IllegalArgumentException("only one phase can take the remaining records, got " + open);
        }
    }

    /**
     * A stretch of records with the same spacing.
     *
     * @param records how many records, or -1 for the records left over by the other phases
     * @param step the event-time gap between consecutive records (zero: all at the same instant)
     * @param jitter each gap varies uniformly by up to this much either way, never below zero
     * @param pauseBefore if positive, the gap before this phase's first record (instead of one step)
     */
    public record Phase(int records, Duration step, Duration jitter, Duration pauseBefore) {
        public Phase {
            Objects.requireNonNull(step, "step cannot be null");
            Objects.requireNonNull(jitter, "jitter cannot be null");
            Objects.requireNonNull(pauseBefore, "pauseBefore cannot be null");
            if (step.isNegative() || jitter.isNegative() || pauseBefore.isNegative()) {
                throw new IllegalArgumentException("step, jitter and pause cannot be negative: " + step + ", "
                        + jitter + ", " + pauseBefore);
            }
            if (records < -1) {
                throw new IllegalArgumentException("records must be -1 (the rest) or >= 0, got " + records);
            }
        }
    }

    /** Starts at {@code start}; with no phase added, records are one second apart. */
    public static TimeModel startingAt(Instant start) {
        return new TimeModel(start, List.of());
    }

    /** Every record (or every remaining one) {@code step} after the previous one. */
    public TimeModel every(Duration step) {
        return add(new Phase(-1, step, Duration.ZERO, Duration.ZERO));
    }

    /** {@code ratePerSecond} records per second of event time, for the remaining records. */
    public TimeModel atRate(double ratePerSecond) {
        return add(new Phase(-1, stepOf(ratePerSecond), Duration.ZERO, Duration.ZERO));
    }

    public TimeModel phase(int records, Duration step) {
        return add(new Phase(requireCount(records), step, Duration.ZERO, Duration.ZERO));
    }

    public TimeModel phaseAtRate(int records, double ratePerSecond) {
        return add(new Phase(requireCount(records), stepOf(ratePerSecond), Duration.ZERO, Duration.ZERO));
    }

    /** The next phase's first record comes {@code gap} after the previous record (instead of one step). */
    public TimeModel pause(Duration gap) {
        return new TimeModel(start, phases).withPendingPause(gap);
    }

    /** Jitter for the last phase added. */
    public TimeModel withJitter(Duration jitter) {
        if (phases.isEmpty()) {
            return every(Duration.ofSeconds(1)).withJitter(jitter);
        }
        Phase last = phases.get(phases.size() - 1);
        return replaceLast(new Phase(last.records(), last.step(), jitter, last.pauseBefore()));
    }

    /** The phases, with a trailing one-second phase for the remaining records when none takes them. */
    public List<Phase> effectivePhases() {
        if (phases.stream().anyMatch(p -> p.records() < 0)) {
            return phases;
        }
        List<Phase> all = new ArrayList<>(phases);
        all.add(new Phase(-1, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));
        return all;
    }

    private TimeModel withPendingPause(Duration gap) {
        // a pause is carried by a zero-record marker phase, folded into the next phase by the generator
        return add(new Phase(0, Duration.ZERO, Duration.ZERO, gap));
    }

    private TimeModel add(Phase phase) {
        List<Phase> all = new ArrayList<>(phases);
        all.add(phase);
        return new TimeModel(start, all);
    }

    private TimeModel replaceLast(Phase phase) {
        List<Phase> all = new ArrayList<>(phases);
        all.set(all.size() - 1, phase);
        return new TimeModel(start, all);
    }

    private static int requireCount(int records) {
        if (records < 0) {
            throw new IllegalArgumentException("a phase needs records >= 0, got " + records);
        }
        return records;
    }

    private static Duration stepOf(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        return Duration.ofNanos(Math.round(1e9 / ratePerSecond));
    }
}
