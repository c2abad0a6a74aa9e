package io.flinkharness.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of an unbounded run ({@link RunPlan}), done once the job runs; each step is an immutable record and
 * {@link #describe()} writes it as a case file does.
 *
 * <pre>{@code
 * List<CaseStep> steps = List.of(
 *         new CaseStep.Send("clicks"),
 *         new CaseStep.Fire("clicks", end, Map.of("user", "heartbeat")),
 *         CaseStep.AwaitTable.windowFired("counts", end).withinCheckpoints(2),
 *         CaseStep.AwaitExpectations.withRunLimit());
 * }</pre>
 */
public sealed interface CaseStep {

    /** The step as a case file writes it: {@code send: clicks}, {@code await: { table: counts, rowCount: 3 }}. */
    String describe();

    /**
     * Sends input the case declares for a topic now. A topic's input (its generated records, then its explicit
     * ones) is sent in order: each send takes the next {@code records} of it, or all that is left.
     */
    record Send(String topic, OptionalInt records) implements CaseStep {
        public Send {
            Objects.requireNonNull(topic, "topic cannot be null");
            Objects.requireNonNull(records, "records cannot be null; use OptionalInt.empty()");
            records.ifPresent(n -> {
                if (n < 1) {
                    throw new IllegalArgumentException("a send sends at least 1 record, got " + n);
                }
            });
        }

        /** Sends what is left of the topic's input. */
        public Send(String topic) {
            this(topic, OptionalInt.empty());
        }

        @Override
        public String describe() {
            return records.isEmpty() ? "send: " + topic : "send: { topic: " + topic + ", records: "
                    + records.getAsInt() + " }";
        }
    }

    /**
     * Sends a heartbeat with event time {@code to} to each partition of a source table's topic (every partition
     * when {@code partitions} is empty), see {@link EventTime#advanceTo(Instant, int...)}.
     *
     * @param values field values of the heartbeats, e.g. {@code user: heartbeat}; other fields are generated
     */
    record Advance(String table, Instant to, List<Integer> partitions, Map<String, Object> values)
            implements CaseStep {
        public Advance {
            Objects.requireNonNull(table, "table cannot be null");
            Objects.requireNonNull(to, "to cannot be null");
            partitions = List.copyOf(partitions);
            values = copy(values);
        }

        @Override
        public String describe() {
            return "advance: { table: " + table + ", to: " + to + (partitions.isEmpty() ? "" : ", partitions: "
                    + partitions) + " }";
        }
    }

    /**
     * Sends heartbeats to every partition of a source table's topic so that the window ending at
     * {@code windowEnd} fires, see {@link EventTime#fireWindowEndingAt(Instant)}.
     */
    record Fire(String table, Instant windowEnd, Map<String, Object> values) implements CaseStep {
        public Fire {
            Objects.requireNonNull(table, "table cannot be null");
            Objects.requireNonNull(windowEnd, "windowEnd cannot be null");
            values = copy(values);
        }

        @Override
        public String describe() {
            return "fire: { table: " + table + ", windowEnd: " + windowEnd + " }";
        }
    }

    /**
     * Waits until a table's committed output meets a condition, see {@link OutputAwait}.
     *
     * @param withinCheckpoints also fails when the output became visible only after more checkpoints than this
     *     since the last input was sent
     * @param timeout the limit of this wait; empty for the run's
     */
    record AwaitTable(String table, Condition condition, OptionalInt withinCheckpoints, Optional<Duration> timeout)
            implements CaseStep {
        public AwaitTable {
            Objects.requireNonNull(table, "table cannot be null");
            Objects.requireNonNull(condition, "condition cannot be null");
            Objects.requireNonNull(withinCheckpoints, "withinCheckpoints cannot be null; use OptionalInt.empty()");
            withinCheckpoints.ifPresent(n -> {
                if (n < 1) {
                    throw new IllegalArgumentException("withinCheckpoints must be at least 1, got " + n);
                }
            });
            Objects.requireNonNull(timeout, "timeout cannot be null; use Optional.empty()");
            timeout.ifPresent(RunPlan::requirePositive);
        }

        /** Until the table has exactly {@code rows} rows. */
        public static AwaitTable rowCount(String table, int rows) {
            return new AwaitTable(table, new RowCount(rows), OptionalInt.empty(), Optional.empty());
        }

        /** Until the table has at least {@code rows} rows. */
        public static AwaitTable atLeastRows(String table, int rows) {
            return new AwaitTable(table, new AtLeastRows(rows), OptionalInt.empty(), Optional.empty());
        }

        /** Until a row's {@code window_end} is {@code windowEnd}. */
        public static AwaitTable windowFired(String table, Instant windowEnd) {
            return new AwaitTable(table, new WindowFired("window_end", windowEnd), OptionalInt.empty(),
                    Optional.empty());
        }

        public AwaitTable withinCheckpoints(int checkpoints) {
            return new AwaitTable(table, condition, OptionalInt.of(checkpoints), timeout);
        }

        public AwaitTable atMost(Duration limit) {
            return new AwaitTable(table, condition, withinCheckpoints, Optional.of(limit));
        }

        @Override
        public String describe() {
            return "await: { table: " + table + ", " + condition.describe()
                    + (withinCheckpoints.isPresent() ? ", withinCheckpoints: " + withinCheckpoints.getAsInt() : "")
                    + timeout.map(t -> ", timeout: " + io.flinkharness.internal.Durations.show(t)).orElse("") + " }";
        }
    }

    /** What an {@link AwaitTable} step waits for. */
    sealed interface Condition {
        /** As a case file writes it: {@code rowCount: 3}. */
        String describe();

        /** Waits for it. */
        VisibleOutput await(OutputAwait await);
    }

    /** Exactly {@code rows} rows; more fails at once. */
    record RowCount(int rows) implements Condition {
        public RowCount {
            requireNotNegative(rows, "rowCount");
        }

        @Override
        public String describe() {
            return "rowCount: " + rows;
        }

        @Override
        public VisibleOutput await(OutputAwait await) {
            return await.untilRowCount(rows);
        }
    }

    /** At least {@code rows} rows. */
    record AtLeastRows(int rows) implements Condition {
        public AtLeastRows {
            requireNotNegative(rows, "atLeastRows");
        }

        @Override
        public String describe() {
            return "atLeastRows: " + rows;
        }

        @Override
        public VisibleOutput await(OutputAwait await) {
            return await.untilAtLeastRows(rows);
        }
    }

    /** A row whose {@code endColumn} is {@code windowEnd}: the window fired and its result is committed. */
    record WindowFired(String endColumn, Instant windowEnd) implements Condition {
        public WindowFired {
            Objects.requireNonNull(endColumn, "endColumn cannot be null");
            Objects.requireNonNull(windowEnd, "windowEnd cannot be null");
        }

        @Override
        public String describe() {
            return "windowEnd: " + windowEnd + ("window_end".equals(endColumn) ? "" : ", endColumn: " + endColumn);
        }

        @Override
        public VisibleOutput await(OutputAwait await) {
            return await.untilWindowFired(endColumn, windowEnd);
        }
    }

    /**
     * Waits until every expectation of the case passes on the committed output (read_committed), polling.
     *
     * @param timeout the limit of this wait; empty for the run's
     */
    record AwaitExpectations(Optional<Duration> timeout) implements CaseStep {
        public AwaitExpectations {
            Objects.requireNonNull(timeout, "timeout cannot be null; use Optional.empty()");
            timeout.ifPresent(RunPlan::requirePositive);
        }

        /** Waits as long as the run's other waits. */
        public static AwaitExpectations withRunLimit() {
            return new AwaitExpectations(Optional.empty());
        }

        @Override
        public String describe() {
            return "await: expectations";
        }
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values,
                "values cannot be null; use Map.of()")));
    }

    private static void requireNotNegative(int rows, String name) {
        if (rows < 0) {
            throw new IllegalArgumentException(name + " cannot be negative, got " + rows);
        }
    }
}
