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
 * A SQL Gateway session: statements run in order and share tables, functions and configuration. Closing it
 * closes the session on the gateway (jobs that its statements started keep running; cancel them separately).
 */
public final class GatewaySession implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final SqlGatewayClient client;
    private final String handle;
    private boolean closed;

    GatewaySession(SqlGatewayClient client, String handle) {
        this.client = client;
        this.handle = handle;
    }

    public String handle() {
        return handle;
    }

    /** Runs one statement with a 60 s limit. */
    public StatementResult execute(String statement) {
        return execute(SqlStatement.of(statement), DEFAULT_TIMEOUT);
    }

    /**
     * Runs one statement and returns its whole result. DML statements return once their job is submitted,
     * with the job id.
     *
     * @throws SqlStatementException when Flink rejects or fails the statement
     */
    public StatementResult execute(SqlStatement statement, Duration timeout) {
        String operation = submit(statement);
        try {
            return fetchAll(statement, operation, timeout);
        } finally {
            closeOperation(operation);
        }
    }

    /** Sets a session option, like {@code SET 'key' = 'value'}. */
    public void configure(String key, String value) {
        String statement = "SET '" + key.replace("'", "''") + "' = '" + value.replace("'", "''") + "'";
        client.call(() -> client.rest().post(sessionUri("/configure-session"), Map.of("statement", statement)));
    }

    private String submit(SqlStatement statement) {
        JsonNode answer = client.call(() -> client.rest().post(sessionUri("/statements"),
                Map.of("statement", statement.text())));
        return answer.path("operationHandle").asText();
    }

    private StatementResult fetchAll(SqlStatement statement, String operation, Duration timeout) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        AtomicReference<String> next = new AtomicReference<>(
                "/v3/sessions/" + handle + "/operations/" + operation + "/result/0?rowFormat=JSON");
        AtomicReference<String> lastType = new AtomicReference<>("nothing yet");
        AtomicReference<String> kind = new AtomicReference<>("");
        AtomicReference<String> jobId = new AtomicReference<>();
        try {
            Poll.until("the result of " + statement.location(), timeout, () -> {
                JsonNode page = fetch(statement, next.get());
                String type = page.path("resultType").asText();
                lastType.set(type);
                if (!"NOT_READY".equals(type)) {
                    kind.set(page.path("resultKind").asText(kind.get()));
                    if (page.hasNonNull("jobID")) {
                        jobId.set(page.get("jobID").asText());
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
            cancel(operation);
            throw new SqlStatementException(statement, e.getMessage()
                    + " — a SELECT over an unbounded source never ends; bound it or use an INSERT", "");
        }
        return new StatementResult(statement, kind.get(), columns, rows, Optional.ofNullable(jobId.get()));
    }

    private JsonNode fetch(SqlStatement statement, String path) {
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

    private void cancel(String operation) {
        try {
            client.rest().post(sessionUri("/operations/" + operation + "/cancel"), Map.of());
        } catch (RuntimeException ignored) {
            // best effort: the operation may have ended meanwhile
        }
    }

    private void closeOperation(String operation) {
        try {
            client.rest().delete(sessionUri("/operations/" + operation + "/close"));
        } catch (RuntimeException ignored) {
            // best effort: closing the session releases it too
        }
    }

    private URI sessionUri(String path) {
        return client.uri("/v3/sessions/" + handle + path);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.call(() -> client.rest().delete(sessionUri("")));
    }
}
