package io.flinkharness.env;

import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.kafka.KafkaConnection;
import java.net.URI;
import java.util.Map;

/**
 * A running Kafka cluster plus a Flink session reachable through a Flink SQL Gateway.
 *
 * <p>The harness only talks to an environment through these addresses, so the same test runs against the
 * embedded default, containers, or an existing cluster:
 *
 * <pre>{@code
 * try (FlinkKafkaEnvironment env = EmbeddedEnvironment.start()) {
 *     try (CaseRunner runner = CaseRunner.on(env)) {
 *         CaseResult result = runner.run(sqlCase);
 *     }
 * }
 * }</pre>
 */
public interface FlinkKafkaEnvironment extends AutoCloseable {

    /** Kafka {@code bootstrap.servers} for the harness's own clients (topics, input, reading output). */
    String kafkaBootstrapServers();

    /** How the harness's own Kafka clients connect: bootstrap servers plus security and other client settings. */
    default KafkaConnection kafkaConnection() {
        return KafkaConnection.to(kafkaBootstrapServers());
    }

    /**
     * Kafka {@code bootstrap.servers} as the Flink jobs reach them, for the DDL placeholder
     * {@code ${bootstrap.servers}}: the same as the harness's unless the cluster sees Kafka under another name
     * (containers on their own network).
     */
    default String jobBootstrapServers() {
        return kafkaBootstrapServers();
    }

    /**
     * Kafka client settings the jobs need besides bootstrap servers (security, ...), written into Kafka tables by
     * the placeholder {@code ${kafka.options}} as {@code 'properties.KEY' = 'VALUE'} options.
     */
    default Map<String, String> jobKafkaProperties() {
        return kafkaConnection().properties();
    }

    /**
     * The start of every topic name the harness creates here, so its topics are told apart from others on a shared
     * cluster (and only they are deleted). Empty for environments the harness starts itself.
     */
    default String topicPrefix() {
        return "";
    }

    /** Base URI of the Flink SQL Gateway REST endpoint, e.g. {@code http://127.0.0.1:8083}. */
    URI sqlGatewayUri();

    /** Base URI of the Flink (JobManager) REST API, used to follow the jobs that statements start. */
    URI flinkRestUri();

    /**
     * The schema registry that cases writing {@code avro-confluent} use, and that {@code ${schema.registry.url}}
     * names in their SQL. The embedded environment starts one on first use.
     *
     * @throws UnsupportedOperationException if the environment has none
     */
    default SchemaRegistryClient schemaRegistry() {
        throw new UnsupportedOperationException("the environment " + this + " has no schema registry: cases that"
                + " use avro-confluent or ${schema.registry.url} need one (the embedded environment starts its own;"
                + " an environment of your own must implement schemaRegistry())");
    }

    /** Where the logs of Kafka and Flink are, for failure reports. */
    default String logLocation() {
        return "the Flink cluster's and Kafka brokers' own log files (Flink REST API: " + flinkRestUri() + ")";
    }

    /** Stops what this environment started; safe to call twice. */
    @Override
    void close();
}
