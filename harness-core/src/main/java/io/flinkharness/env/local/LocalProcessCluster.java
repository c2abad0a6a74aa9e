package io.flinkharness.env.local;

import io.flinkharness.env.EnvironmentStartException;
import io.flinkharness.env.RemoteSettings;
import io.flinkharness.env.internal.FreePorts;
import io.flinkharness.env.internal.KafkaBrokerMain;
import io.flinkharness.env.internal.TempDirectory;
import io.flinkharness.internal.ChildProcess;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.internal.RestJson;
import io.flinkharness.kafka.KafkaConnection;
import io.flinkharness.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A Kafka broker and a Flink standalone session cluster (JobManager, TaskManager, SQL Gateway) as separate
 * processes on 127.0.0.1, started from the jars on this JVM's classpath: what an existing cluster looks like to
 * the {@code remote} environment, on one machine. For testing the remote environment and fail-over (kill the
 * TaskManager and start another) without a real cluster. Closing it stops every process and deletes their files.
 *
 * <pre>{@code
 * try (LocalProcessCluster cluster = LocalProcessCluster.start(Duration.ofMinutes(2));
 *      FlinkKafkaEnvironment env = RemoteEnvironment.connect(cluster.remoteSettings())) { ... }
 * }</pre>
 */
public final class LocalProcessCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-XX:ReservedCodeCacheSize=128m");

    private final TempDirectory directory;
    private final Path configDirectory;
    private final Duration timeout;
    private final List<ChildProcess> processes = new ArrayList<>();
    private ChildProcess taskManager;
    private int taskManagers;
    private String bootstrapServers;
    private URI flinkRest;
    private URI sqlGateway;
    private EmbeddedSchemaRegistry registry;

    private final Predicate<Path> gatewayExcludes;

    private LocalProcessCluster(TempDirectory directory, Duration timeout, Predicate<Path> gatewayExcludes) {
        this.gatewayExcludes = gatewayExcludes;
        this.directory = directory;
        this.configDirectory = directory.path().resolve("conf");
        this.timeout = timeout;
    }

    /**
     * Starts the broker and the JobManager at once, then a TaskManager and the SQL Gateway, and waits until each
     * answers (the TaskManager: registered with the JobManager).
     *
     * @throws EnvironmentStartException naming the process that did not start, with the last lines of its log
     */
    public static LocalProcessCluster start(Duration timeout) {
        return start(timeout, jar -> false);
    }

    /**
     * As {@link #start(Duration)}, with the SQL Gateway's classpath lacking the jars {@code gatewayExcludes}
     * matches: to see how a gateway without, say, the Kafka connector is reported.
     */
    public static LocalProcessCluster start(Duration timeout, Predicate<Path> gatewayExcludes) {
        LocalProcessCluster cluster = new LocalProcessCluster(TempDirectory.create("flink-harness-cluster-"), timeout,
                gatewayExcludes);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e instanceof EnvironmentStartException ? e
                    : new EnvironmentStartException("cannot start the local process cluster: " + e.getMessage(), e);
        }
    }

    private void startAll() {
        int rpcPort = FreePorts.next();
        int restPort = FreePorts.next();
        int gatewayPort = FreePorts.next();
        flinkRest = URI.create("http://" + LOOPBACK + ":" + restPort);
        sqlGateway = URI.create("http://" + LOOPBACK + ":" + gatewayPort);
        writeFlinkConfig(FlinkConfig.yaml(LOOPBACK, rpcPort, restPort, gatewayPort));
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(this::startKafka);
        ChildProcess jobManager = startJava("jobmanager",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir",
                configDirectory.toString());
        awaitAnswer(jobManager, flinkRest.resolve("/overview"), "the JobManager");
        startTaskManager();
        ChildProcess gateway = startJavaWith("sql-gateway", Classpath.without(gatewayExcludes),
                "org.apache.flink.table.gateway.SqlGateway");
        awaitAnswer(gateway, sqlGateway.resolve("/v3/info"), "the SQL Gateway");
        try {
            bootstrapServers = kafka.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private String startKafka() {
        Path ready = directory.path().resolve("kafka.bootstrap");
        ChildProcess broker = startJava("kafka", KafkaBrokerMain.class.getName(), ready.toString());
        AtomicReference<String> last = new AtomicReference<>("not ready");
        try {
            return Poll.until("the Kafka broker (pid " + broker.pid() + ") to be ready", timeout, () -> {
                if (!broker.isAlive()) {
                    throw exited(broker, "the Kafka broker");
                }
                return Files.exists(ready) ? Optional.of(read(ready)) : Optional.empty();
            }, last::get);
        } catch (ConditionTimeoutException e) {
            throw new EnvironmentStartException(e.getMessage() + "; last lines of its log " + broker.logFile() + ":\n"
                    + broker.lastLines(), e);
        }
    }

    /**
     * Starts another TaskManager process (e.g. after {@link #killTaskManager()}) and waits until the JobManager
     * lists it.
     */
    public synchronized void startTaskManager() {
        java.util.Set<String> before = registeredTaskManagers();
        taskManagers++;
        taskManager = startJava("taskmanager-" + taskManagers,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", configDirectory.toString());
        ChildProcess started = taskManager;
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            Poll.until("TaskManager " + taskManagers + " (pid " + started.pid() + ") to register with the JobManager",
                    timeout, () -> {
                        if (!started.isAlive()) {
                            throw exited(started, "TaskManager " + taskManagers);
                        }
                        java.util.Set<String> registered = registeredTaskManagers();
                        last.set("TaskManagers registered: " + registered + ", before the start: " + before);
                        return before.containsAll(registered) ? Optional.empty() : Optional.of(registered);
                    }, last::get);
        } catch (ConditionTimeoutException e) {
            throw new EnvironmentStartException(e.getMessage() + "; last lines of its log " + started.logFile()
                    + ":\n" + started.lastLines(), e);
        }
    }

    /**
     * Kills the running TaskManager's process at once (SIGKILL), as a machine failure would: its jobs fail over
     * once the JobManager misses its heartbeats (5 s here), and restart when a TaskManager offers slots again.
     */
    public synchronized void killTaskManager() {
        if (taskManager == null) {
            throw new IllegalStateException("no TaskManager runs");
        }
        taskManager.close();
        taskManager = null;
    }

    /** The ids of the TaskManagers the JobManager lists (a killed one stays until its heartbeats time out). */
    private java.util.Set<String> registeredTaskManagers() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        try {
            new RestJson("Flink REST API", Duration.ofSeconds(5)).get(flinkRest.resolve("/taskmanagers"))
                    .path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        } catch (RuntimeException e) {
            // the JobManager is still starting: none registered
        }
        return ids;
    }

    /**
     * Settings for a {@link io.flinkharness.env.RemoteEnvironment} on this cluster, with the schema registry if
     * {@link #startSchemaRegistry()} started one.
     */
    public synchronized RemoteSettings remoteSettings() {
        return new RemoteSettings(KafkaConnection.to(bootstrapServers), sqlGateway, flinkRest, Optional.empty(),
                RemoteSettings.DEFAULT_TOPIC_PREFIX, Duration.ofSeconds(30),
                Optional.ofNullable(registry).map(EmbeddedSchemaRegistry::url));
    }

    /** Starts a schema registry (Apicurio Registry, a process too) for avro-confluent tables; once. */
    public synchronized URI startSchemaRegistry() {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start();
        }
        return registry.url();
    }

    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    public URI flinkRestUri() {
        return flinkRest;
    }

    public URI sqlGatewayUri() {
        return sqlGateway;
    }

    /** Where the processes' logs are. */
    public Path logDirectory() {
        return directory.path().resolve("log");
    }

    private ChildProcess startJava(String name, String mainClass, String... args) {
        return startJavaWith(name, System.getProperty("java.class.path"), mainClass, args);
    }

    private ChildProcess startJavaWith(String name, String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Xmx" + (name.startsWith("taskmanager") ? "768m" : "384m"));
        command.add("-Djava.io.tmpdir=" + directory.path().resolve("tmp"));
        command.add("-Dlog4j.configurationFile=" + configDirectory.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        createDirectory(directory.path().resolve("tmp"));
        ChildProcess process = ChildProcess.start(name, command, Map.of("FLINK_CONF_DIR", configDirectory.toString()),
                directory.path(), logDirectory().resolve(name + ".log"));
        synchronized (this) {
            processes.add(process);
        }
        return process;
    }

    private void awaitAnswer(ChildProcess process, URI probe, String what) {
        RestJson rest = new RestJson(what, Duration.ofSeconds(2));
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            Poll.until(what + " (pid " + process.pid() + ") to answer GET " + probe, timeout, () -> {
                if (!process.isAlive()) {
                    throw exited(process, what);
                }
                try {
                    rest.get(probe);
                    return Optional.of(Boolean.TRUE);
                } catch (RuntimeException e) {
                    last.set(e.getMessage());
                    return Optional.empty();
                }
            }, last::get);
        } catch (ConditionTimeoutException e) {
            throw new EnvironmentStartException(e.getMessage() + "; last lines of its log " + process.logFile()
                    + ":\n" + process.lastLines(), e);
        }
    }

    private static EnvironmentStartException exited(ChildProcess process, String what) {
        return new EnvironmentStartException(what + " (pid " + process.pid() + ") exited with code "
                + process.exitCode().orElse(-1) + " while starting; last lines of its log " + process.logFile() + ":\n"
                + process.lastLines(), null);
    }

    private void writeFlinkConfig(String yaml) {
        createDirectory(configDirectory);
        try {
            Files.writeString(configDirectory.resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
            Files.writeString(configDirectory.resolve("log4j2.properties"), FlinkConfig.log4j(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Flink configuration to " + configDirectory, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Stops every process (the gateway and TaskManagers before the JobManager and the broker) and deletes files. */
    @Override
    public synchronized void close() {
        List<ChildProcess> running = new ArrayList<>(processes);
        java.util.Collections.reverse(running);
        running.forEach(p -> p.closePolitely(Duration.ofSeconds(5)));
        processes.clear();
        if (registry != null) {
            registry.close();
        }
        directory.close();
    }

    @Override
    public String toString() {
        return "LocalProcessCluster[kafka=" + bootstrapServers + ", flink=" + flinkRest + ", gateway=" + sqlGateway
                + ", logs=" + logDirectory() + "]";
    }
}
