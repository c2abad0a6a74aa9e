package io.flinkharness.run;

import io.flinkharness.flink.CheckpointStats;
import io.flinkharness.flink.FlinkRestClient;
import io.flinkharness.flink.JobFailedException;
import io.flinkharness.flink.JobMetrics;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.kafka.TestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Flink job that a statement of a {@link TestSession} started: an {@code INSERT INTO} or a {@code STATEMENT SET}.
 * The session cancels it when it closes, if it is still running.
 *
 * <p>A job over unbounded sources keeps running: follow it by its watermarks ({@link #metrics()},
 * {@link #awaitWatermark}), its checkpoints (which commit exactly-once output) and the records its windows
 * dropped as late ({@link #assertDroppedAsLate}). Every wait says what it awaited, its limit and what it last saw,
 * and a wait that times out explains the stall (an {@link OutputStallError} with a diagnosis).
 */
public final class SqlJob {
    private final String id;
    private final SqlStatement statement;
    private final FlinkRestClient flink;
    private final Duration timeout;
    private final TestSession session;
    private static final Duration METRICS_REFRESH_LIMIT = Duration.ofSeconds(2);

    SqlJob(String id, SqlStatement statement, FlinkRestClient flink, Duration timeout, TestSession session) {
        this.id = Objects.requireNonNull(id, "id cannot be null");
        this.statement = statement;
        this.flink = flink;
        this.timeout = timeout;
        this.session = session;
    }

    /** The Flink job id. */
    public String id() {
        return id;
    }

    /** The statement that started it, as it ran (placeholders replaced). */
    public SqlStatement statement() {
        return statement;
    }

    /** The job's status now, from the Flink REST API. */
    public JobStatus status() {
        return flink.status(id);
    }

    /** Waits, up to the session's timeout, until the job has FINISHED. */
    public SqlJob awaitFinished() {
        return awaitFinished(timeout);
    }

    /**
     * Waits until the job has FINISHED: in bounded mode, once every source reached its end, the final watermark
     * closed every window and the final checkpoint committed the sinks' transactions.
     *
     * @throws io.flinkharness.flink.JobFailedException if the job failed or was cancelled, with its root exception
     * @throws ConditionTimeoutException if it still runs at the limit; the message says what to check
     */
    public SqlJob awaitFinished(Duration limit) {
        try {
            flink.awaitFinished(id, limit);
        } catch (ConditionTimeoutException e) {
            throw e.withHint("a job finishes only when every source is bounded: give each Kafka source table"
                    + " 'scan.bounded.mode' = 'latest-offset' (and 'scan.startup.mode' = 'earliest-offset')");
        }
        return this;
    }

    /**
     * Waits, up to the session's timeout, until every task of the job runs: from then on its sources read what
     * is sent. Records sent earlier are read too (sources start at the earliest offset).
     *
     * @throws io.flinkharness.flink.JobFailedException if the job ended first
     */
    public SqlJob awaitRunning() {
        flink.awaitRunning(id, timeout);
        return this;
    }

    /**
     * The job's watermarks per source partition and operator, late-record drops and records read, newer than the
     * REST API's metric cache was when called (waits up to a second or two for it to refresh).
     */
    public JobMetrics metrics() {
        return flink.freshMetrics(id, METRICS_REFRESH_LIMIT);
    }

    /** The job's checkpoints now: completed, failed, the latest and the interval. */
    public CheckpointStats checkpoints() {
        return flink.checkpoints(id);
    }

    /** How many inputs the job's window operators have dropped as late so far (see {@link #assertDroppedAsLate}). */
    public long lateRecordsDropped() {
        return metrics().lateRecordsDropped();
    }

    /** As {@link #awaitWatermark(Instant, Duration)} with the session's timeout. */
    public JobMetrics awaitWatermark(Instant eventTime) {
        return awaitWatermark(eventTime, timeout);
    }

    /**
     * Waits until the input watermark of every operator past the sources has reached {@code eventTime} (for a
     * job whose sources write straight to sinks: every source partition's watermark).
     *
     * @throws OutputStallError at the limit, with the watermarks last seen and why they stall
     */
    public JobMetrics awaitWatermark(Instant eventTime, Duration limit) {
        AtomicReference<JobMetrics> last = new AtomicReference<>();
        return awaitMetric("the watermark of " + this + " to reach " + eventTime, limit, Optional.of(eventTime), () -> {
            JobMetrics m = flink.metrics(id);
            last.set(m);
            return m.jobWatermark().filter(w -> !w.isBefore(eventTime)).map(w -> m);
        }, () -> last.get() == null ? "no metrics yet" : "lowest watermark "
                + last.get().jobWatermark().map(Instant::toString).orElse("-inf"));
    }

    /**
     * Sends the record to {@code topic} and waits until the job's window operators have dropped one more input as
     * late: asserts it came after the watermark had passed its window. Send late records one at a time: with
     * two-phase aggregation, late records of one key and window that arrive together are dropped as one input.
     *
     * @throws OutputStallError if the drop count did not grow within the session's timeout, with the watermarks
     *     seen: the record was not late, or a window counted it
     */
    public SqlJob assertDroppedAsLate(SessionTopic topic, TestRecord record) {
        long before = lateRecordsDropped();
        topic.send(record);
        long expected = before + 1;
        AtomicReference<Long> last = new AtomicReference<>(before);
        awaitMetric("the record " + record + " sent to " + topic + " to be dropped as late by " + this
                + " (drop count from " + before + " to " + expected + ")",
                timeout, Optional.empty(), () -> {
                    long now = flink.metrics(id).lateRecordsDropped();
                    last.set(now);
                    return now >= expected ? Optional.of(now) : Optional.empty();
                }, () -> "drop count " + last.get() + " — was the record really behind the watermark?");
        return this;
    }

    /** Waits until {@code count} more checkpoints of the job have completed than when called. */
    public CheckpointStats awaitCheckpoints(int count, Duration limit) {
        long start = checkpoints().completed();
        AtomicReference<CheckpointStats> last = new AtomicReference<>();
        return awaitMetric(count + " more checkpoints of " + this + " to complete (from " + start + ")", limit,
                Optional.empty(), () -> {
                    CheckpointStats c = flink.checkpoints(id);
                    last.set(c);
                    return c.completed() >= start + count ? Optional.of(c) : Optional.empty();
                }, () -> String.valueOf(last.get()));
    }

    private <T> T awaitMetric(String awaited, Duration limit, Optional<Instant> window,
                              java.util.function.Supplier<Optional<T>> probe, java.util.function.Supplier<String> seen) {
        try {
            return Poll.until(awaited, limit, () -> {
                JobStatus status = flink.status(id);
                if (status.isTerminal()) {
                    throw new JobFailedException(id, status, status == JobStatus.FAILED ? flink.failureCause(id)
                            : "the job ended while " + awaited + " was awaited");
                }
                return probe.get();
            }, seen);
        } catch (ConditionTimeoutException | JobFailedException e) {
            throw new OutputStallError(e.getMessage(), session.diagnose(window), e);
        }
    }

    /** Cancels the job if it is still running. */
    public void cancel() {
        flink.cancel(id);
    }

    @Override
    public String toString() {
        return "job " + id + " (" + statement.location() + ": " + statement.head() + ")";
    }
}
