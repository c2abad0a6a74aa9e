package io.flinkharness.flink;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.internal.FlinkErrorText;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows and cancels the jobs that SQL statements start, through the Flink (JobManager) REST API.
 *
 * <pre>{@code
 * FlinkRestClient flink = new FlinkRestClient(env.flinkRestUri());
 * JobStatus end = flink.awaitTermination(jobId, Duration.ofSeconds(60));
 * }</pre>
 */
public final class FlinkRestClient {
    private final URI base;
    private final RestJson rest;

    public FlinkRestClient(URI base) {
        this.base = base;
        this.rest = new RestJson("Flink REST API", Duration.ofSeconds(30));
    }

    /** The current status, read uncached ({@code GET /jobs/:id/status}). */
    public JobStatus status(String jobId) {
        return JobStatus.parse(rest.get(base.resolve("/jobs/" + jobId + "/status")).path("status").asText());
    }

    /**
     * Waits until the job is FINISHED. A FAILED or CANCELED job fails fast with its root exception.
     *
     * @throws JobFailedException when the job failed or was cancelled
     * @throws io.flinkharness.internal.ConditionTimeoutException when it is still running at the limit
     */
    public void awaitFinished(String jobId, Duration timeout) {
        AtomicReference<JobStatus> last = new AtomicReference<>();
        JobStatus end = Poll.until("job " + jobId + " to finish", timeout, () -> {
            JobStatus status = status(jobId);
            last.set(status);
            return status.isTerminal() ? Optional.of(status) : Optional.empty();
        }, () -> "job status " + last.get());
        if (end != JobStatus.FINISHED) {
            throw new JobFailedException(jobId, end, failureCause(jobId));
        }
    }

    /** The most telling exception of the job's latest failure, or a note that Flink recorded none. */
    public String failureCause(String jobId) {
        JsonNode exceptions = rest.get(base.resolve("/jobs/" + jobId + "/exceptions?maxExceptions=1"));
        JsonNode latest = exceptions.path("exceptionHistory").path("entries").path(0);
        String trace = latest.path("stacktrace").asText("");
        if (trace.isEmpty()) {
            return "Flink recorded no exception (was the job cancelled?)";
        }
        return FlinkErrorText.chain(FlinkErrorText.causes(trace));
    }

    /** Cancels the job if it is still running; a job that already ended is left as it is. */
    public void cancel(String jobId) {
        try {
            rest.patch(base.resolve("/jobs/" + jobId + "?mode=cancel"));
        } catch (RestCallException e) {
            if (e.status() != 404 && e.status() != 409) {
                throw e;
            }
        }
    }
}
