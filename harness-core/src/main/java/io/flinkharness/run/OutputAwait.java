package io.flinkharness.run;

import io.flinkharness.flink.JobMetrics;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Waits, while a job keeps running, until a table's committed output (read read_committed, as a downstream
 * exactly-once consumer sees it) meets a condition. Polls without fixed sleeps; at the limit it throws an
 * {@link OutputStallError} that says what was awaited, the limit, what was last seen, and why output is missing
 * (a {@link io.flinkharness.diagnosis.Diagnosis}). Immutable; from {@link TestSession#awaitTable(String)}.
 *
 * <pre>{@code
 * session.topic("clicks").send(clicks);
 * session.eventTime("clicks").fireWindowEndingAt(end);
 * VisibleOutput out = session.awaitTable("counts").withinCheckpoints(2).untilWindowFired(end);
 * assertThat(out.table()).containsRows(Row.of("user", "alice", "clicks", 3L));
 * }</pre>
 */
public final class OutputAwait {
    private static final String WINDOW_END = "window_end";

    private final TestSession session;
    private final String table;
    private final Duration limit;
    private final OptionalInt maxCheckpoints;

    OutputAwait(TestSession session, String table, Duration limit, OptionalInt maxCheckpoints) {
        this.session = session;
        this.table = table;
        this.limit = limit;
        this.maxCheckpoints = maxCheckpoints;
    }

    /** The limit of this wait (default: the session's timeout). */
    public OutputAwait atMost(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout cannot be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new OutputAwait(session, table, timeout, maxCheckpoints);
    }

    /**
     * Also asserts that the output became visible within {@code checkpoints} completed checkpoints of the job
     * after the session's last record was sent: exactly-once output is committed at checkpoints, so a window that
     * fired on that record should be visible after one, or two when a checkpoint was under way as it arrived.
     */
    public OutputAwait withinCheckpoints(int checkpoints) {
        if (checkpoints < 1) {
            throw new IllegalArgumentException("checkpoints must be at least 1, got " + checkpoints);
        }
        return new OutputAwait(session, table, limit, OptionalInt.of(checkpoints));
    }

    /** Until the table has exactly {@code rows} rows; more fails at once. */
    public VisibleOutput untilRowCount(int rows) {
        return await("table " + table + " to have " + rows + (rows == 1 ? " row" : " rows"), Optional.empty(), t -> {
            if (t.size() > rows) {
                throw new AssertionError("table " + table + " has " + t.size() + " rows, more than the " + rows
                        + " awaited:\n" + t.describe());
            }
            return t.size() == rows;
        });
    }

    /** Until the table has at least {@code rows} rows. */
    public VisibleOutput untilAtLeastRows(int rows) {
        return await("table " + table + " to have at least " + rows + (rows == 1 ? " row" : " rows"),
                Optional.empty(), t -> t.size() >= rows);
    }

    /**
     * Until a row's {@code window_end} is {@code windowEnd}: the window has fired and its result is committed.
     * A timeout diagnoses why the window has not fired (watermark, idle partitions, checkpoints, ...).
     */
    public VisibleOutput untilWindowFired(Instant windowEnd) {
        return untilWindowFired(WINDOW_END, windowEnd);
    }

    /** As {@link #untilWindowFired(Instant)}, with the window's end in {@code endColumn}. */
    public VisibleOutput untilWindowFired(String endColumn, Instant windowEnd) {
        return await("a row of table " + table + " with " + endColumn + " = " + windowEnd, Optional.of(windowEnd),
                t -> hasWindow(t, endColumn, windowEnd));
    }

    /** Until the condition holds; {@code description} names it in a timeout ("3 windows for alice"). */
    public VisibleOutput until(String description, Predicate<ResultTable> condition) {
        return await(description + " (table " + table + ")", Optional.empty(), condition::test);
    }

    /**
     * Until the assertion passes (AssertJ or any code that throws {@link AssertionError}); a timeout carries the
     * last assertion failure as its cause and in its message.
     *
     * <pre>{@code
     * session.awaitTable("counts").untilAsserted(t -> assertThat(t).containsRows(Row.of("user", "bob", "clicks", 2L)));
     * }</pre>
     */
    public VisibleOutput untilAsserted(Consumer<ResultTable> assertion) {
        AtomicReference<AssertionError> failed = new AtomicReference<>();
        return await("the assertion on table " + table + " to pass", Optional.empty(), t -> {
            try {
                assertion.accept(t);
                return true;
            } catch (AssertionError e) {
                failed.set(e);
                return false;
            }
        }, failed);
    }

    /**
     * Asserts that the window ending at {@code windowEnd} has not fired while the job's watermark is at
     * {@code watermark}: waits until every operator's watermark has reached {@code watermark}, then for two
     * checkpoints (so whatever the job emitted until then is committed), then checks no row has that window end.
     *
     * @throws IllegalArgumentException if {@code watermark} is not before the window's last millisecond
     * @throws IllegalStateException if the watermark had meanwhile passed the window's end, so the check proves
     *     nothing: assert before sending later records
     */
    public ResultTable assertNotFired(Instant windowEnd, Instant watermark) {
        return assertNotFired(WINDOW_END, windowEnd, watermark);
    }

    /** As {@link #assertNotFired(Instant, Instant)}, with the window's end in {@code endColumn}. */
    public ResultTable assertNotFired(String endColumn, Instant windowEnd, Instant watermark) {
        if (!watermark.isBefore(windowEnd.minusMillis(1))) {
            throw new IllegalArgumentException("a window ending at " + windowEnd + " fires once the watermark reaches "
                    + windowEnd.minusMillis(1) + ", so at watermark " + watermark + " it may well have fired — give"
                    + " a watermark before " + windowEnd.minusMillis(1));
        }
        SqlJob job = session.jobWriting(table);
        job.awaitWatermark(watermark, limit);
        job.awaitCheckpoints(2, limit);
        ResultTable now = session.committed(table);
        JobMetrics after = job.metrics();
        if (after.jobWatermark().map(w -> !w.isBefore(windowEnd.minusMillis(1))).orElse(false)) {
            throw new IllegalStateException("the watermark of " + job + " has reached "
                    + after.jobWatermark().get() + ", past the end of the window ending at " + windowEnd
                    + ", so it may have fired by right — assert before sending records that move event time on");
        }
        if (hasWindow(now, endColumn, windowEnd)) {
            throw new AssertionError("expected the window ending at " + windowEnd + " not to have fired at watermark "
                    + watermark + ", but table " + table + " has its row:\n" + now.describe());
        }
        return now;
    }

    private VisibleOutput await(String awaited, Optional<Instant> windowEnd, Predicate<ResultTable> condition) {
        return await(awaited, windowEnd, condition, new AtomicReference<>());
    }

    private VisibleOutput await(String awaited, Optional<Instant> windowEnd, Predicate<ResultTable> condition,
                                AtomicReference<AssertionError> lastFailure) {
        Optional<Instant> input = session.lastInput();
        AtomicReference<ResultTable> last = new AtomicReference<>();
        ResultTable seen;
        try {
            seen = Poll.until(awaited + " (read_committed)", limit, () -> {
                ResultTable t = session.committed(table);
                last.set(t);
                if (condition.test(t)) {
                    return Optional.of(t);
                }
                session.failFastIfEnded(table, awaited);
                return Optional.empty();
            }, () -> last.get() == null ? "nothing read yet" : describe(last.get()));
        } catch (ConditionTimeoutException | io.flinkharness.flink.JobFailedException e) {
            AssertionError failure = lastFailure.get();
            String message = e.getMessage() + (failure == null ? "" : "\nlast assertion failure: " + failure.getMessage());
            throw new OutputStallError(message, session.diagnose(windowEnd), failure == null ? e : failure);
        }
        Instant visible = Instant.now();
        Optional<Duration> since = input.map(s -> Duration.between(s, visible));
        Optional<Long> checkpoints = input.flatMap(s -> session.checkpointsBetween(table, s, visible));
        VisibleOutput out = new VisibleOutput(seen, visible, since, checkpoints);
        if (maxCheckpoints.isPresent() && checkpoints.isPresent() && checkpoints.get() > maxCheckpoints.getAsInt()) {
            throw new AssertionError("table " + table + ": " + awaited + " became visible to read_committed only after "
                    + checkpoints.get() + " checkpoints since the last input was sent (" + since.map(d -> d.toMillis()
                    + " ms").orElse("?") + "), more than the " + maxCheckpoints.getAsInt() + " allowed");
        }
        session.recordLatency(table, out);
        return out;
    }

    private static String describe(ResultTable t) {
        return t.size() + (t.size() == 1 ? " row" : " rows") + (t.isEmpty() ? "" : ":\n" + t.describe());
    }

    private static boolean hasWindow(ResultTable t, String endColumn, Instant windowEnd) {
        if (t.column(endColumn).isEmpty()) {
            throw new IllegalArgumentException("table " + t.name() + " has no column '" + endColumn + "' (columns "
                    + t.columnNames() + ") — name the column that holds the window end");
        }
        for (ResultRow row : t.rows()) {
            if (SessionInspector.instant(row.get(endColumn)).map(windowEnd::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
