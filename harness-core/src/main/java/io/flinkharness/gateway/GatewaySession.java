package io.flinkharness.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

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
        try (GatewayOperation operation = submit(statement)) {
            return operation.await(timeout);
        }
    }

    /** Submits a statement without waiting for it; follow it through the returned operation. */
    public GatewayOperation submit(SqlStatement statement) {
        return GatewayOperation.submit(client, handle, statement);
    }

    /** Sets a session option, like {@code SET 'key' = 'value'}. */
    public void configure(String key, String value) {
        String statement = "SET '" + key.replace("'", "''") + "' = '" + value.replace("'", "''") + "'";
        client.call(() -> client.rest().post(sessionUri("/configure-session"), Map.of("statement", statement)));
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
