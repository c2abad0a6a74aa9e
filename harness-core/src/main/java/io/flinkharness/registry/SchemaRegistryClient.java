package io.flinkharness.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.internal.RestCallException;
import io.flinkharness.internal.RestJson;
import io.flinkharness.internal.ServiceUnreachableException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small client of the Confluent schema registry REST API, as Confluent's registry and Apicurio Registry's
 * compatibility API ({@code http://HOST:PORT/apis/ccompat/v7}) serve it. Enough to register the schemas a test
 * writes with and to look them up.
 *
 * <pre>{@code
 * SchemaRegistryClient registry = SchemaRegistryClient.connect(embeddedRegistry.url());
 * int id = registry.register("orders-value", orderSchemaJson);
 * byte[] message = ConfluentWireFormat.encode(id, avroBytes);
 * }</pre>
 */
public final class SchemaRegistryClient {
    private static final int SUBJECTS_LISTED = 20;

    private final String base;
    private final RestJson rest;

    private SchemaRegistryClient(URI baseUrl, Duration requestTimeout) {
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.rest = new RestJson("Schema registry", requestTimeout);
    }

    /** Connects with a 30 s request limit and checks that a registry answers at {@code baseUrl}. */
    public static SchemaRegistryClient connect(URI baseUrl) {
        return connect(baseUrl, Duration.ofSeconds(30));
    }

    /**
     * Connects and checks that a registry answers at {@code baseUrl}; fails fast with the reason if not.
     *
     * @throws SchemaRegistryException when nothing answers there, or something that is not a registry API
     */
    public static SchemaRegistryClient connect(URI baseUrl, Duration requestTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl cannot be null");
        Objects.requireNonNull(requestTimeout, "requestTimeout cannot be null");
        SchemaRegistryClient client = new SchemaRegistryClient(baseUrl, requestTimeout);
        try {
            client.rest.get(client.uri("/subjects"));
        } catch (ServiceUnreachableException e) {
            throw client.unreachable(e);
        } catch (RestCallException e) {
            throw new SchemaRegistryException("no schema registry API at " + client.base + ": GET "
                    + client.base + "/subjects answered HTTP " + e.status() + " — check the URL (for Apicurio"
                    + " Registry 3 it ends in /apis/ccompat/v7)", e);
        }
        return client;
    }

    /** The registry's base URL, as given to {@link #connect}. */
    public URI url() {
        return URI.create(base);
    }

    /**
     * Registers an Avro schema under {@code subject} (a new version, unless the subject already has this schema)
     * and returns its id. Registering the same schema again returns the same id.
     *
     * @throws SchemaRegistryException with the registry's own message when it rejects the schema
     */
    public int register(String subject, String avroSchemaJson) {
        Objects.requireNonNull(subject, "subject cannot be null");
        Objects.requireNonNull(avroSchemaJson, "avroSchemaJson cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaType", "AVRO");
        body.put("schema", avroSchemaJson);
        JsonNode answer = call(() -> rest.post(uri("/subjects/" + segment(subject) + "/versions"), body),
                e -> rejected(subject, e));
        return answer.path("id").asInt();
    }

    /** The latest version of the subject's schema. */
    public RegisteredSchema latest(String subject) {
        Objects.requireNonNull(subject, "subject cannot be null");
        return fetch(subject, "latest");
    }

    /**
     * One version of the subject's schema.
     *
     * @param version from 1; use {@link #latest} for the newest
     */
    public RegisteredSchema version(String subject, int version) {
        Objects.requireNonNull(subject, "subject cannot be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version
                    + " — use latest(subject) for the newest version");
        }
        return fetch(subject, String.valueOf(version));
    }

    /**
     * The schema text registered under a registry-wide id, the id the Confluent wire format carries: the writer
     * schema of a record.
     *
     * @throws SchemaRegistryException if the registry has no schema with this id
     */
    public String schemaById(int id) {
        JsonNode answer = call(() -> rest.get(uri("/schemas/ids/" + id)), e -> unknownId(id, e));
        return answer.path("schema").asText();
    }

    private SchemaRegistryException unknownId(int id, RestCallException e) {
        if (e.status() == 404) {
            return new SchemaRegistryException("schema registry " + base + " has no schema with id " + id + " (HTTP"
                    + " 404" + errorCodeText(e) + ") — was the record written through another registry?", e);
        }
        return failed("GET /schemas/ids/" + id, e);
    }

    /** The registry's subjects, in the order it lists them. */
    public List<String> subjects() {
        JsonNode answer = call(() -> rest.get(uri("/subjects")), e -> failed("GET /subjects", e));
        List<String> subjects = new ArrayList<>();
        answer.forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    private RegisteredSchema fetch(String subject, String version) {
        JsonNode answer = call(() -> rest.get(uri("/subjects/" + segment(subject) + "/versions/" + version)),
                e -> notFound(subject, version, e));
        return new RegisteredSchema(answer.path("subject").asText(subject), answer.path("version").asInt(),
                answer.path("id").asInt(), answer.path("schema").asText());
    }

    private List<Integer> versions(String subject) {
        JsonNode answer = call(() -> rest.get(uri("/subjects/" + segment(subject) + "/versions")),
                e -> failed("GET /subjects/" + subject + "/versions", e));
        List<Integer> versions = new ArrayList<>();
        answer.forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    private SchemaRegistryException notFound(String subject, String version, RestCallException e) {
        int code = errorCode(e);
        if (code == 40401 || (code == 0 && e.status() == 404 && !subjects().contains(subject))) {
            return new SchemaRegistryException("subject '" + subject + "' not found in schema registry " + base
                    + " (" + listSubjects() + "): register the schema first or check the subject name", e);
        }
        if (code == 40402 || e.status() == 404) {
            return new SchemaRegistryException("subject '" + subject + "' has no version " + version
                    + " in schema registry " + base + " (versions there: " + joined(versions(subject))
                    + "): use one of them, or latest(\"" + subject + "\")", e);
        }
        return failed("GET /subjects/" + subject + "/versions/" + version, e);
    }

    private String listSubjects() {
        List<String> subjects = subjects();
        if (subjects.isEmpty()) {
            return "no subjects there";
        }
        String shown = joined(subjects.subList(0, Math.min(SUBJECTS_LISTED, subjects.size())));
        return "subjects there: " + shown + (subjects.size() > SUBJECTS_LISTED
                ? " and " + (subjects.size() - SUBJECTS_LISTED) + " more" : "");
    }

    private SchemaRegistryException rejected(String subject, RestCallException e) {
        String hint = e.status() == 422 ? " — is it a valid Avro schema (JSON)?" : "";
        return new SchemaRegistryException("schema registry " + base + " rejected the schema for subject '" + subject
                + "': " + message(e) + " (HTTP " + e.status() + errorCodeText(e) + ")" + hint, e);
    }

    private SchemaRegistryException failed(String request, RestCallException e) {
        return new SchemaRegistryException("schema registry " + base + " answered " + request + " with HTTP "
                + e.status() + errorCodeText(e) + ": " + message(e), e);
    }

    private SchemaRegistryException unreachable(ServiceUnreachableException e) {
        return new SchemaRegistryException("schema registry " + base + " did not answer (" + e.reason() + "): start it"
                + " (EmbeddedSchemaRegistry.start()) or check the URL — for Apicurio Registry 3 it is"
                + " http://HOST:PORT/apis/ccompat/v7", e);
    }

    private <T> T call(Supplier<T> request, Function<RestCallException, SchemaRegistryException> onError) {
        try {
            return request.get();
        } catch (ServiceUnreachableException e) {
            throw unreachable(e);
        } catch (RestCallException e) {
            throw onError.apply(e);
        }
    }

    /** The registry's JSON error body: {@code {"error_code": 40401, "message": "..."}}. */
    private static JsonNode errorBody(RestCallException e) {
        String raw = e.errors().isEmpty() ? "" : e.errors().get(0);
        try {
            return RestJson.MAPPER.readTree(raw);
        } catch (java.io.IOException notJson) {
            return RestJson.MAPPER.getNodeFactory().objectNode().put("message", raw.strip());
        }
    }

    private static int errorCode(RestCallException e) {
        return errorBody(e).path("error_code").asInt(0);
    }

    private static String errorCodeText(RestCallException e) {
        int code = errorCode(e);
        return code == 0 ? "" : ", error code " + code;
    }

    private static String message(RestCallException e) {
        String message = errorBody(e).path("message").asText("");
        return message.isEmpty() ? "(no message)" : message;
    }

    private static String joined(List<?> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(String.valueOf(v)));
        return String.join(", ", texts);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** A subject as one URL path segment: {@code a b/c} becomes {@code a%20b%2Fc}. */
    private static String segment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + base + "]";
    }
}
