package io.flinkharness.env.internal;

import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka 4 broker in KRaft mode (combined broker + controller) inside this JVM, on 127.0.0.1,
 * with its storage in a temporary directory that is removed on close.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final int NODE_ID = 1;

    private final TempDirectory storage;
    private final int brokerPort;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(TempDirectory storage, int brokerPort) {
        this.storage = storage;
        this.brokerPort = brokerPort;
    }

    /** How often a start that lost a port to another server binding at the same moment is tried again. */
    private static final int PORT_ATTEMPTS = 3;

    static {
        // Kafka's fault handlers exit or halt the process; inside a test JVM they must fail the start instead
        Exit.setExitProcedure(EmbeddedKafka::refuseToExit);
        Exit.setHaltProcedure(EmbeddedKafka::refuseToExit);
    }

    /**
     * Formats storage, starts the broker and waits until it answers a metadata request. Ports are chosen before
     * the broker binds them (the controller quorum needs them up front), so a start whose port was taken in the
     * meantime is tried again on new ports.
     */
    public static EmbeddedKafka start(Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            EmbeddedKafka kafka = new EmbeddedKafka(TempDirectory.create("flink-harness-kafka-"), FreePorts.next());
            try {
                kafka.startServer(timeout);
                return kafka;
            } catch (RuntimeException | Error e) {
                kafka.close();
                if (attempt >= PORT_ATTEMPTS || !lostAPort(e)) {
                    throw e;
                }
            }
        }
    }

    private static void refuseToExit(int status, String message) {
        throw new IllegalStateException("the embedded Kafka broker asked to stop the JVM (status " + status + "): "
                + message);
    }

    private static boolean lostAPort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("failed to bind")) {
                return true;
            }
        }
        return false;
    }

    /** The broker's storage directory, deleted on close. */
    public java.nio.file.Path storage() {
        return storage.path();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    private void startServer(Duration timeout) {
        int controllerPort = FreePorts.next();
        Properties props = brokerProperties(controllerPort);
        KafkaConfig config = new KafkaConfig(props, false);
        format(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(timeout);
    }

    private Properties brokerProperties(int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", storage.path().toString()),
                // test data is often stamped years ago: never delete it by age or size
                Map.entry("log.retention.ms", "-1"),
                Map.entry("log.retention.bytes", "-1"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                // Flink's exactly-once sink asks for transactions of up to an hour
                Map.entry("transaction.max.timeout.ms", "3600000"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("log.cleaner.threads", "1"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)),
                // a broker is unfenced on a heartbeat: beat often so start-up does not wait for the next one
                Map.entry("broker.heartbeat.interval.ms", "100"),
                // a busy machine delays heartbeats in the controller's queue: never fence the only broker for that
                Map.entry("broker.session.timeout.ms", "30000"),
                Map.entry("controller.quorum.election.timeout.ms", "500"),
                Map.entry("controller.quorum.fetch.timeout.ms", "1000")));
        return p;
    }

    private void format(KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(storage.path().toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + storage.path() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(conf)) {
            int nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            if (nodes == 0) {
                throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " reports no nodes");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers()
                    + " did not answer a metadata request within " + timeout + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
        } finally {
            storage.close();
        }
    }
}
