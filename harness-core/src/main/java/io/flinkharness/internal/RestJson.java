package io.flinkharness.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON over HTTP for the Flink and SQL Gateway REST APIs: one shared {@link HttpClient}, Jackson for bodies,
 * errors mapped to {@link RestCallException} (the server answered with an error) or
 * {@link ServiceUnreachableException} (it did not answer). Not part of the public API.
 */
public final class RestJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http;
    private final String serviceName;
    private final Duration requestTimeout;

    public RestJson(String serviceName, Duration requestTimeout) {
        this.serviceName = serviceName;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .build();
    }

    public JsonNode get(URI uri) {
        return send(request(uri).GET().build());
    }

    public JsonNode post(URI uri, Object body) {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build());
    }

    public JsonNode patch(URI uri) {
        return send(request(uri).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
    }

    public JsonNode delete(URI uri) {
        return send(request(uri).DELETE().build());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    }

    private static String toJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body as JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ServiceUnreachableException(serviceName, request.uri(),
                    "no answer within " + requestTimeout, e);
        } catch (ConnectException e) {
            throw new ServiceUnreachableException(serviceName, request.uri(), "connection refused", e);
        } catch (IOException e) {
            throw new ServiceUnreachableException(serviceName, request.uri(), String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException(serviceName, request.uri(), "interrupted", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 300) {
            throw new RestCallException(request.method(), request.uri(), response.statusCode(), errors(body, response.body()));
        }
        return body;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }

    private static List<String> errors(JsonNode body, String raw) {
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(e.asText()));
        if (errors.isEmpty()) {
            errors.add(raw);
        }
        return errors;
    }
}
