package io.flinkharness.run;

import io.flinkharness.flink.FlinkRestClient;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.internal.ConditionTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A Flink job that a statement of a {@link TestSession} started: an {@code INSERT INTO} or a {@code STATEMENT SET}.
 * The session cancels it when it closes, if it is still running.
 */
public final class SqlJob {
    private final String id;
    private final SqlStatement statement;
    private final FlinkRestClient flink;
    private final Duration timeout;

    SqlJob(String id, SqlStatement statement, FlinkRestClient flink, Duration timeout) {
        this.id = Objects.requireNonNull(id, "id cannot be null");
        this.statement = statement;
        this.flink = flink;
        this.timeout = timeout;
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

    /** Cancels the job if it is still running. */
    public void cancel() {
        flink.cancel(id);
    }

    @Override
    public String toString() {
        return "job " + id + " (" + statement.location() + ": " + statement.head() + ")";
    }
}
