package io.flinkharness.env;

import io.flinkharness.internal.Durations;
import io.flinkharness.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where an existing Kafka cluster and Flink session cluster are, for a {@link RemoteEnvironment}. Immutable;
 * {@link #toString()} masks secrets.
 *
 * <p>From settings ({@link EnvironmentSettings}):
 * <table>
 *   <tr><td>{@code remote.bootstrap-servers}</td><td>Kafka bootstrap servers (required)</td></tr>
 *   <tr><td>{@code remote.sql-gateway}</td><td>the SQL Gateway's REST URL, e.g. {@code http://gateway:8083} (required)</td></tr>
 *   <tr><td>{@code remote.flink-rest}</td><td>the JobManager's REST URL, e.g. {@code http://jobmanager:8081} (required)</td></tr>
 *   <tr><td>{@code remote.kafka-properties-file}</td><td>a Kafka client {@code .properties} file: security.protocol,
 *       sasl.*, ssl.*</td></tr>
 *   <tr><td>{@code remote.kafka.KEY}</td><td>one Kafka client setting (system property or code only)</td></tr>
 *   <tr><td>{@code remote.job-bootstrap-servers}</td><td>bootstrap servers as the Flink cluster reaches Kafka, if
 *       not the same</td></tr>
 *   <tr><td>{@code remote.topic-prefix}</td><td>prefix of every topic the harness creates (default
 *       {@code flink-harness-})</td></tr>
 *   <tr><td>{@code remote.connect-timeout}</td><td>how long to wait for each service at start (default 10s)</td></tr>
 *   <tr><td>{@code remote.schema-registry}</td><td>a Confluent-compatible schema registry's URL, for
 *       {@code avro-confluent} tables and {@code ${schema.registry.url}}</td></tr>
 * </table>
 *
 * @param kafka how the harness's clients reach Kafka (and, unless {@code jobBootstrapServers}, the jobs too)
 * @param topicPrefix every topic the harness creates starts with it; it deletes only the topics it created
 * @param schemaRegistry a Confluent-compatible schema registry for {@code avro-confluent} tables, if any
 */
public record RemoteSettings(KafkaConnection kafka, URI sqlGateway, URI flinkRest,
                             Optional<String> jobBootstrapServers, String topicPrefix, Duration connectTimeout,
                             Optional<URI> schemaRegistry) {

    public static final String DEFAULT_TOPIC_PREFIX = "flink-harness-";

    public RemoteSettings {
        Objects.requireNonNull(kafka, "kafka cannot be null");
        Objects.requireNonNull(sqlGateway, "sqlGateway cannot be null");
        Objects.requireNonNull(flinkRest, "flinkRest cannot be null");
        Objects.requireNonNull(jobBootstrapServers, "jobBootstrapServers cannot be null");
        Objects.requireNonNull(topicPrefix, "topicPrefix cannot be null");
        if (!topicPrefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix '" + topicPrefix + "' is not valid in a Kafka topic"
                    + " name: use letters, digits, '.', '_' and '-'");
        }
        Objects.requireNonNull(schemaRegistry, "schemaRegistry cannot be null");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
    }

    public static RemoteSettings of(String bootstrapServers, URI sqlGateway, URI flinkRest) {
        return new RemoteSettings(KafkaConnection.to(bootstrapServers), sqlGateway, flinkRest, Optional.empty(),
                DEFAULT_TOPIC_PREFIX, Duration.ofSeconds(10), Optional.empty());
    }

    /**
     * The remote settings given by the user (see the class comment).
     *
     * @throws IllegalArgumentException for a missing required setting, a bad URL or duration, or an unreadable
     *     properties file, naming the setting
     */
    public static RemoteSettings from(EnvironmentSettings settings) {
        Map<String, String> kafkaProperties = new LinkedHashMap<>();
        settings.get("remote.kafka-properties-file").ifPresent(file -> kafkaProperties.putAll(readProperties(file)));
        kafkaProperties.putAll(settings.withPrefix("remote.kafka."));
        kafkaProperties.remove("bootstrap.servers");
        KafkaConnection kafka = new KafkaConnection(settings.require("remote.bootstrap-servers",
                "the Kafka cluster's bootstrap servers"), kafkaProperties);
        return new RemoteSettings(kafka,
                url(settings, "remote.sql-gateway", "the Flink SQL Gateway's REST URL"),
                url(settings, "remote.flink-rest", "the Flink JobManager's REST URL"),
                settings.get("remote.job-bootstrap-servers"),
                settings.get("remote.topic-prefix").orElse(DEFAULT_TOPIC_PREFIX),
                settings.get("remote.connect-timeout").map(t -> duration("remote.connect-timeout", t))
                        .orElse(Duration.ofSeconds(10)),
                settings.get("remote.schema-registry").isPresent()
                        ? Optional.of(url(settings, "remote.schema-registry", "the schema registry's URL"))
                        : Optional.empty());
    }

    public RemoteSettings withKafka(KafkaConnection connection) {
        return new RemoteSettings(connection, sqlGateway, flinkRest, jobBootstrapServers, topicPrefix, connectTimeout,
                schemaRegistry);
    }

    public RemoteSettings withTopicPrefix(String prefix) {
        return new RemoteSettings(kafka, sqlGateway, flinkRest, jobBootstrapServers, prefix, connectTimeout,
                schemaRegistry);
    }

    public RemoteSettings withConnectTimeout(Duration timeout) {
        return new RemoteSettings(kafka, sqlGateway, flinkRest, jobBootstrapServers, topicPrefix, timeout,
                schemaRegistry);
    }

    public RemoteSettings withSchemaRegistry(URI url) {
        return new RemoteSettings(kafka, sqlGateway, flinkRest, jobBootstrapServers, topicPrefix, connectTimeout,
                Optional.of(url));
    }

    private static URI url(EnvironmentSettings settings, String key, String what) {
        String text = settings.require(key, what);
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + key + " ('" + text + "'): " + e.getMessage()
                    + " — give " + what + " like http://host:port", e);
        }
    }

    private static Duration duration(String key, String text) {
        Duration d = Durations.parseOrNull(text);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("setting " + key + " ('" + text + "') is not a positive duration —"
                    + " write it like 10s, 500ms or 1m");
        }
        return d;
    }

    private static Map<String, String> readProperties(String file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("setting remote.kafka-properties-file: cannot read " + file + ": "
                    + e.getMessage() + " — give the path of a Kafka client .properties file", e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
        return out;
    }

    @Override
    public String toString() {
        return "RemoteSettings[kafka=" + kafka + ", sqlGateway=" + sqlGateway + ", flinkRest=" + flinkRest
                + jobBootstrapServers.map(j -> ", jobBootstrapServers=" + j).orElse("") + ", topicPrefix="
                + topicPrefix + schemaRegistry.map(r -> ", schemaRegistry=" + r).orElse("") + "]";
    }
}
