package io.flinkharness.flink;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.internal.FlinkErrorText;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The job's name, state, start and vertices ({@code GET /jobs/:id}, which Flink caches for up to 3 s). */
    public JobOverview overview(String jobId) {
        JsonNode job = rest.get(base.resolve("/jobs/" + jobId));
        List<JobOverview.Vertex> vertices = new ArrayList<>();
        for (JsonNode v : job.path("vertices")) {
            vertices.add(new JobOverview.Vertex(v.path("id").asText(), v.path("name").asText(),
                    v.path("parallelism").asInt(), v.path("status").asText()));
        }
        return new JobOverview(jobId, job.path("name").asText(), JobStatus.parse(job.path("state").asText()),
                Instant.ofEpochMilli(job.path("start-time").asLong()), vertices);
    }

    /**
     * Waits until every task of the job runs: its sources have been assigned their partitions and read, so
     * records sent from now on flow through. A job that ends first fails fast.
     *
     * @throws JobFailedException when the job failed or was cancelled
     * @throws io.flinkharness.internal.ConditionTimeoutException when tasks are still starting at the limit
     */
    public JobOverview awaitRunning(String jobId, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("no answer yet");
        JobOverview running = Poll.until("every task of job " + jobId + " to run", timeout, () -> {
            JobStatus status = status(jobId);
            if (status.isTerminal()) {
                throw new JobFailedException(jobId, status, status == JobStatus.FINISHED
                        ? "the job finished before it was seen running: its sources are bounded"
                        : failureCause(jobId));
            }
            JobOverview job = overview(jobId);
            last.set("job " + status + ", tasks " + job.vertices().stream().map(v -> v.name() + " " + v.state())
                    .toList());
            return status == JobStatus.RUNNING && job.vertices().stream().allMatch(v -> v.state().equals("RUNNING"))
                    ? Optional.of(job) : Optional.empty();
        }, last::get);
        return running;
    }

    /**
     * The job's watermarks, late-record drops and source offsets now, from its metrics: two requests per vertex.
     * Values are as fresh as the cluster's {@code metrics.fetcher.update-interval}.
     */
    public JobMetrics metrics(String jobId) {
        return JobMetricsReader.read(jobId, overview(jobId), (vertexId, names) -> {
            URI vertexMetrics = base.resolve("/jobs/" + jobId + "/vertices/" + vertexId + "/metrics");
            if (names.isEmpty()) {
                List<String> ids = new ArrayList<>();
                rest.get(vertexMetrics).forEach(m -> ids.add(m.path("id").asText()));
                return ids.stream().collect(java.util.stream.Collectors.toMap(id -> id, id -> ""));
            }
            Map<String, String> values = new LinkedHashMap<>();
            String query = URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8);
            rest.get(URI.create(vertexMetrics + "?get=" + query))
                    .forEach(m -> values.put(m.path("id").asText(), m.path("value").asText()));
            return values;
        });
    }

    /**
     * As {@link #metrics}, but newer than the cluster's metric cache was when called: the Flink REST API refreshes
     * its cache in the background when asked, so a single request may answer with values one refresh old, and
     * not every vertex's at once. Waits (at most {@code limit}) until every vertex shows more task time than at
     * first; at the limit, the latest, with the vertices that did not refresh marked stale.
     */
    public JobMetrics freshMetrics(String jobId, Duration limit) {
        JobMetrics first = metrics(jobId);
        AtomicReference<JobMetrics> latest = new AtomicReference<>(first);
        try {
            return Poll.until("metrics of every vertex of job " + jobId + " newer than the cached ones", limit, () -> {
                JobMetrics next = metrics(jobId);
                latest.set(next);
                return next.newerEverywhereThan(first) ? Optional.of(next) : Optional.empty();
            }, () -> "not refreshed: " + latest.get().notNewerThan(first));
        } catch (io.flinkharness.internal.ConditionTimeoutException e) {
            return latest.get().withStale(latest.get().notNewerThan(first));
        }
    }

    /** The job's checkpoint counts, latest completion and interval ({@code /jobs/:id/checkpoints[/config]}). */
    public CheckpointStats checkpoints(String jobId) {
        Optional<Duration> interval;
        try {
            JsonNode config = rest.get(base.resolve("/jobs/" + jobId + "/checkpoints/config"));
            long millis = config.path("interval").asLong(-1);
            interval = millis > 0 && millis < Long.MAX_VALUE ? Optional.of(Duration.ofMillis(millis))
                    : Optional.empty();
        } catch (RestCallException e) {
            if (e.status() != 404) {
                throw e;
            }
            interval = Optional.empty();   // "Checkpointing is not enabled for this job"
        }
        JsonNode stats = rest.get(base.resolve("/jobs/" + jobId + "/checkpoints"));
        JsonNode counts = stats.path("counts");
        JsonNode latest = stats.path("latest").path("completed");
        Optional<Instant> last = latest.isObject() && latest.path("latest_ack_timestamp").asLong(0) > 0
                ? Optional.of(Instant.ofEpochMilli(latest.path("latest_ack_timestamp").asLong()))
                : Optional.empty();
        List<CheckpointStats.Attempt> history = new ArrayList<>();
        for (JsonNode c : stats.path("history")) {
            long acked = c.path("latest_ack_timestamp").asLong(0);
            history.add(new CheckpointStats.Attempt(c.path("id").asLong(), c.path("status").asText(),
                    Instant.ofEpochMilli(c.path("trigger_timestamp").asLong()),
                    acked > 0 ? Optional.of(Instant.ofEpochMilli(acked)) : Optional.empty()));
        }
        return new CheckpointStats(interval, counts.path("completed").asLong(), counts.path("failed").asLong(),
                counts.path("in_progress").asLong(), last, history);
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
