package io.flinkharness.kafka;

import io.flinkharness.internal.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How the harness's own Kafka clients reach a cluster: bootstrap servers plus any client settings the cluster
 * needs (security protocol, SASL, SSL trust and key stores, ...). Immutable; {@link #toString()} masks secrets.
 *
 * <pre>{@code
 * KafkaConnection secured = KafkaConnection.to("broker-1:9093")
 *         .with("security.protocol", "SASL_SSL")
 *         .with("sasl.mechanism", "SCRAM-SHA-512")
 *         .with("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required ...");
 * }</pre>
 *
 * @param properties Kafka client settings other than {@code bootstrap.servers}
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> properties) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers cannot be null");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers cannot be blank — give host:port[,host:port...]");
        }
        properties = Map.copyOf(properties);
        if (properties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("give bootstrap.servers as bootstrapServers, not as a property");
        }
    }

    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** The same connection with one more client setting. */
    public KafkaConnection with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(properties);
        copy.put(key, value);
        return new KafkaConnection(bootstrapServers, copy);
    }

    /** A client configuration: bootstrap servers, the settings, then {@code defaults} where the settings say nothing. */
    public Map<String, Object> clientConfig(Map<String, Object> defaults) {
        Map<String, Object> config = new LinkedHashMap<>(defaults);
        config.putAll(properties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    @Override
    public String toString() {
        return bootstrapServers + (properties.isEmpty() ? "" : " " + Secrets.masked(properties));
    }
}
