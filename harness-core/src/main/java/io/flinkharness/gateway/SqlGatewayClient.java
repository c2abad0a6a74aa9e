package io.flinkharness.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import io.flinkharness.internal.ServiceUnreachableException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client of the Flink SQL Gateway REST API (v3). It only speaks HTTP, so it works the same against the
 * embedded gateway and a remote one.
 *
 * <pre>{@code
 * SqlGatewayClient client = SqlGatewayClient.connect(URI.create("http://127.0.0.1:8083"));
 * try (GatewaySession session = client.openSession("my-test", Map.of("parallelism.default", "1"))) {
 *     session.execute("CREATE TABLE t (...) WITH (...)");
 *     StatementResult insert = session.execute("INSERT INTO t SELECT ...");
 *     String jobId = insert.jobId().orElseThrow();
 * }
 * }</pre>
 */
public final class SqlGatewayClient {
    private static final String SERVICE = "Flink SQL Gateway";

    private final URI base;
    private final RestJson rest;

    private SqlGatewayClient(URI base, Duration requestTimeout) {
        this.base = base;
        this.rest = new RestJson(SERVICE, requestTimeout);
    }

    /** Connects and checks that a gateway answers at {@code base}; fails fast with the reason if not. */
    public static SqlGatewayClient connect(URI base) {
        return connect(base, Duration.ofSeconds(30));
    }

    public static SqlGatewayClient connect(URI base, Duration requestTimeout) {
        Objects.requireNonNull(base, "base cannot be null");
        SqlGatewayClient client = new SqlGatewayClient(base, requestTimeout);
        client.info();
        return client;
    }

    /** The gateway's product name and version, e.g. {@code Apache Flink 2.2.0}. */
    public String info() {
        JsonNode info = call(() -> rest.get(uri("/v3/info")));
        return info.path("productName").asText() + " " + info.path("version").asText();
    }

    /** Opens a session; {@code properties} are Flink options for every statement of the session. */
    public GatewaySession openSession(String name, Map<String, String> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionName", name);
        body.put("properties", properties);
        JsonNode answer = call(() -> rest.post(uri("/v3/sessions"), body));
        return new GatewaySession(this, answer.path("sessionHandle").asText());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    RestJson rest() {
        return rest;
    }

    <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ServiceUnreachableException e) {
            throw new GatewayUnavailableException(e.getMessage(), e);
        } catch (RestCallException e) {
            throw new GatewayUnavailableException(SERVICE + " refused a request: " + e.getMessage(), e);
        }
    }
}
