package io.flinkharness.env;

import io.flinkharness.gateway.GatewaySession;
import io.flinkharness.gateway.SqlGatewayClient;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.gateway.SqlStatementException;
import io.flinkharness.internal.RestJson;
import io.flinkharness.internal.Secrets;
import io.flinkharness.kafka.KafkaConnection;
import io.flinkharness.registry.SchemaRegistryClient;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * An existing Kafka cluster and Flink session cluster, reached through their addresses: nothing is started or
 * stopped. The harness creates only topics under its {@link RemoteSettings#topicPrefix() prefix}, unique per test,
 * and deletes only those; jobs are cancelled when their test ends.
 *
 * <p>{@link #connect} checks, within the connect timeout, that the broker answers (with the client settings
 * given), that the SQL Gateway and the JobManager answer, and that the gateway can plan a Kafka table (the
 * Kafka connector is on its classpath); each failure names the service, its address and the likely fix.
 *
 * <pre>{@code
 * try (FlinkKafkaEnvironment env = RemoteEnvironment.connect(RemoteSettings.of("kafka-1:9092",
 *         URI.create("http://gateway:8083"), URI.create("http://jobmanager:8081")))) { ... }
 * }</pre>
 */
public final class RemoteEnvironment implements FlinkKafkaEnvironment {
    private final RemoteSettings settings;
    private SchemaRegistryClient registry;

    private RemoteEnvironment(RemoteSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects to the services of the settings and checks each.
     *
     * @throws EnvironmentStartException naming the service that does not answer or cannot run Kafka tables
     */
    public static RemoteEnvironment connect(RemoteSettings settings) {
        checkKafka(settings);
        checkFlinkRest(settings);
        checkGatewayPlansKafkaTables(settings);
        return new RemoteEnvironment(settings);
    }

    private static void checkKafka(RemoteSettings settings) {
        KafkaConnection kafka = settings.kafka();
        long millis = settings.connectTimeout().toMillis();
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) millis)))) {
            admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EnvironmentStartException("the Kafka cluster at " + kafka + " did not answer within "
                    + settings.connectTimeout() + " — check remote.bootstrap-servers, that the brokers are reachable"
                    + " from here, and the client security settings (security.protocol, sasl.*, ssl.*)", e);
        } catch (ExecutionException e) {
            throw new EnvironmentStartException("the Kafka cluster at " + kafka + " refused the harness: "
                    + redact(String.valueOf(e.getCause().getMessage()), kafka) + " — check the client security"
                    + " settings (security.protocol, sasl.*, ssl.*)", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentStartException("interrupted while connecting to Kafka at " + kafka, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new EnvironmentStartException("cannot create a Kafka client for " + kafka + ": "
                    + redact(String.valueOf(e.getMessage()), kafka) + " — check the client settings", e);
        }
    }

    private static void checkFlinkRest(RemoteSettings settings) {
        try {
            new RestJson("Flink REST API", settings.connectTimeout()).get(settings.flinkRest().resolve("/config"));
        } catch (RuntimeException e) {
            throw new EnvironmentStartException("the Flink JobManager's REST API at " + settings.flinkRest()
                    + " did not answer: " + e.getMessage() + " — check remote.flink-rest (the address of the"
                    + " session cluster's web UI, port 8081 by default)", e);
        }
    }

    /**
     * Plans a query on a Kafka table in a throw-away gateway session: the planner looks up the connector's
     * factory, so a gateway without the Kafka connector fails here rather than in the first test.
     */
    private static void checkGatewayPlansKafkaTables(RemoteSettings settings) {
        SqlGatewayClient gateway;
        try {
            gateway = SqlGatewayClient.connect(settings.sqlGateway(), settings.connectTimeout());
        } catch (RuntimeException e) {
            throw new EnvironmentStartException("the Flink SQL Gateway at " + settings.sqlGateway() + " did not"
                    + " answer: " + e.getMessage() + " — check remote.sql-gateway (the gateway's REST endpoint,"
                    + " port 8083 by default)", e);
        }
        GatewaySession session = gateway.openSession("flink-sql-harness connection check", Map.of());
        try {
            session.execute(new SqlStatement("CREATE TEMPORARY TABLE flink_harness_probe (x INT) WITH ("
                    + "'connector' = 'kafka', 'topic' = '" + settings.topicPrefix() + "probe', "
                    + "'properties.bootstrap.servers' = 'localhost:9092', 'scan.startup.mode' = 'earliest-offset',"
                    + " 'format' = 'json')",
                    "connection check", 1, 1), settings.connectTimeout());
            session.execute(new SqlStatement("EXPLAIN SELECT x FROM flink_harness_probe", "connection check", 2, 1),
                    settings.connectTimeout());
        } catch (SqlStatementException e) {
            boolean noConnector = String.valueOf(e.getMessage()).contains("factory for identifier 'kafka'");
            throw new EnvironmentStartException("the Flink SQL Gateway at " + settings.sqlGateway() + " cannot plan"
                    + " a Kafka table: " + e.getMessage() + (noConnector ? "\n— the Kafka connector is missing: put"
                    + " flink-sql-connector-kafka (and the formats the tests use) into the lib/ directory of the"
                    + " gateway and of the session cluster, and restart them" : ""), e);
        } finally {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // a session the gateway dropped already
            }
        }
    }

    private static String redact(String text, KafkaConnection kafka) {
        return Secrets.redact(text, kafka.properties());
    }

    public RemoteSettings settings() {
        return settings;
    }

    @Override
    public String kafkaBootstrapServers() {
        return settings.kafka().bootstrapServers();
    }

    @Override
    public KafkaConnection kafkaConnection() {
        return settings.kafka();
    }

    @Override
    public String jobBootstrapServers() {
        return settings.jobBootstrapServers().orElse(settings.kafka().bootstrapServers());
    }

    @Override
    public String topicPrefix() {
        return settings.topicPrefix();
    }

    @Override
    public URI sqlGatewayUri() {
        return settings.sqlGateway();
    }

    @Override
    public URI flinkRestUri() {
        return settings.flinkRest();
    }

    /**
     * The registry of {@code remote.schema-registry}.
     *
     * @throws UnsupportedOperationException if none is set
     */
    @Override
    public synchronized SchemaRegistryClient schemaRegistry() {
        if (settings.schemaRegistry().isEmpty()) {
            throw new UnsupportedOperationException("the remote environment has no schema registry: cases that use"
                    + " avro-confluent or ${schema.registry.url} need one — give its URL as setting"
                    + " remote.schema-registry (" + EnvironmentSettings.ways("remote.schema-registry") + ")");
        }
        if (registry == null) {
            registry = SchemaRegistryClient.connect(settings.schemaRegistry().get());
        }
        return registry;
    }

    @Override
    public String logLocation() {
        return "the Flink cluster's log files (JobManager and TaskManager logs, also in its web UI at "
                + settings.flinkRest() + ") and the Kafka brokers' own logs";
    }

    /** Nothing to stop: the clusters are not the harness's. Each test deleted its own topics. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "RemoteEnvironment[" + settings + "]";
    }
}
