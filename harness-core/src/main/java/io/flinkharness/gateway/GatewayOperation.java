package io.flinkharness.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import io.flinkharness.internal.ServiceUnreachableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A statement submitted to a {@link GatewaySession}: its status, its result pages, cancellation. Close it to
 * release it on the gateway.
 *
 * <pre>{@code
 * try (GatewayOperation op = session.submit(SqlStatement.of("SELECT * FROM clicks"))) {
 *     String status = op.status();     // PENDING, RUNNING, FINISHED, ERROR, CANCELED, ...
 *     op.cancel();
 * }
 * }</pre>
 */
public final class GatewayOperation implements AutoCloseable {
    private static final java.util.Set<String> IN_FLIGHT = java.util.Set.of("PENDING", "RUNNING");
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    private final SqlGatewayClient client;
    private final String sessionHandle;
    private final String handle;
    private final SqlStatement statement;
    private volatile String jobId;
    private boolean closed;

    private GatewayOperation(SqlGatewayClient client, String sessionHandle, String handle, SqlStatement statement) {
        this.client = client;
        this.sessionHandle = sessionHandle;
        this.handle = handle;
        this.statement = statement;
    }

    /** Submits a statement to a session and returns its operation. */
    static GatewayOperation submit(SqlGatewayClient client, String sessionHandle, SqlStatement statement) {
        JsonNode answer = client.call(() -> client.rest().post(
                client.uri("/v3/sessions/" + sessionHandle + "/statements"), Map.of("statement", statement.text())));
        return new GatewayOperation(client, sessionHandle, answer.path("operationHandle").asText(), statement);
    }

    public String handle() {
        return handle;
    }

    public SqlStatement statement() {
        return statement;
    }

    /** The operation's status as the gateway names it: PENDING, RUNNING, FINISHED, ERROR, CANCELED, CLOSED, TIMEOUT. */
    public String status() {
        return client.call(() -> client.rest().get(uri("/status"))).path("status").asText();
    }

    /**
     * Fetches every result page until the end of the result. A DML statement's result arrives once its job is
     * submitted and carries the job id.
     *
     * @throws SqlStatementException when Flink rejects or fails the statement, or the result does not end in time
     */
    public StatementResult await(Duration timeout) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        AtomicReference<String> next = new AtomicReference<>(firstResultPath());
        AtomicReference<String> lastType = new AtomicReference<>("nothing yet");
        AtomicReference<String> kind = new AtomicReference<>("");
        AtomicReference<String> jobId = new AtomicReference<>();
        try {
            Poll.until("the result of " + statement.location(), timeout, () -> {
                JsonNode page = fetch(next.get());
                String type = page.path("resultType").asText();
                lastType.set(type);
                if (!"NOT_READY".equals(type)) {
                    kind.set(page.path("resultKind").asText(kind.get()));
                    if (page.hasNonNull("jobID")) {
                        jobId.set(page.get("jobID").asText());
                        this.jobId = jobId.get();
                    }
                    readPage(page.path("results"), columns, rows);
                }
                String nextUri = page.path("nextResultUri").asText(null);
                if ("EOS".equals(type) || nextUri == null) {
                    return Optional.of(Boolean.TRUE);
                }
                next.set(nextUri);
                return Optional.empty();
            }, () -> "gateway result type " + lastType.get() + " after " + rows.size() + " rows");
        } catch (ConditionTimeoutException e) {
            cancel();
            throw new SqlStatementException(statement, e.getMessage()
                    + " — a SELECT over an unbounded source never ends; bound it or use an INSERT", "");
        }
        return new StatementResult(statement, kind.get(), columns, rows, Optional.ofNullable(jobId.get()));
    }

    /**
     * Cancels the operation and stops the Flink job it started, if any: the gateway cancels only the operation,
     * and a streaming SELECT's job would otherwise keep running. An operation that has already ended is left as
     * it is.
     */
    public void cancel() {
        String status = settledStatus();
        String job = jobId != null ? jobId : peekJobId();
        if (IN_FLIGHT.contains(status)) {
            try {
                client.rest().post(uri("/cancel"), Map.of());
            } catch (RestCallException ignored) {
                // the operation ended meanwhile
            } catch (ServiceUnreachableException e) {
                throw new GatewayUnavailableException(e.getMessage(), e);
            }
        }
        if (job != null) {
            stopJob(job);
        }
    }

    /**
     * The status once the operation has settled, waiting up to {@link #SETTLE_LIMIT}: while it is PENDING or
     * RUNNING its job may be being submitted, and cancelling then would leave that job running unseen.
     */
    private String settledStatus() {
        AtomicReference<String> last = new AtomicReference<>(status());
        try {
            return Poll.until("operation " + handle + " to settle", SETTLE_LIMIT, () -> {
                last.set(status());
                return IN_FLIGHT.contains(last.get()) ? Optional.empty() : Optional.of(last.get());
            }, last::get);
        } catch (ConditionTimeoutException e) {
            return last.get();
        }
    }

    /** The job id from the first result page, if the gateway has one yet. */
    private String peekJobId() {
        try {
            JsonNode page = client.rest().get(client.uri(firstResultPath()));
            return page.hasNonNull("jobID") ? page.get("jobID").asText() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code STOP JOB} without a savepoint cancels the job; one that has already ended is left as it is. */
    private void stopJob(String job) {
        SqlStatement stop = new SqlStatement("STOP JOB '" + job + "'", "cancel of " + statement.location(), 1, 1);
        try (GatewayOperation operation = submit(client, sessionHandle, stop)) {
            operation.await(Duration.ofSeconds(30));
        } catch (SqlStatementException ignored) {
            // the job had already ended
        }
    }

    private JsonNode fetch(String path) {
        try {
            return client.rest().get(client.uri(path));
        } catch (RestCallException e) {
            throw SqlStatementException.fromServerErrors(statement, e.errors());
        } catch (ServiceUnreachableException e) {
            throw new GatewayUnavailableException(e.getMessage(), e);
        }
    }

    private static void readPage(JsonNode results, List<String> columns, List<List<Object>> rows) {
        if (columns.isEmpty()) {
            results.path("columns").forEach(c -> columns.add(c.path("name").asText()));
        }
        for (JsonNode row : results.path("data")) {
            List<Object> values = new ArrayList<>();
            row.path("fields").forEach(f -> values.add(RestJson.MAPPER.convertValue(f, Object.class)));
            rows.add(values);
        }
    }

    private String firstResultPath() {
        return "/v3/sessions/" + sessionHandle + "/operations/" + handle + "/result/0?rowFormat=JSON";
    }

    private URI uri(String path) {
        return client.uri("/v3/sessions/" + sessionHandle + "/operations/" + handle + path);
    }

    /** Releases the operation on the gateway; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.rest().delete(uri("/close"));
        } catch (RuntimeException ignored) {
            // best effort: closing the session releases it too
        }
    }
}
