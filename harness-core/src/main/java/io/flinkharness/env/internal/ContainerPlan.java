package io.flinkharness.env.internal;

import io.flinkharness.env.ContainersSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The containers of a {@link io.flinkharness.env.ContainersEnvironment} and how they find each other, worked out
 * without Docker: a Kafka broker and a Flink session cluster (JobManager, TaskManagers, SQL Gateway) on one Docker
 * network, the Flink containers configured through {@code FLINK_PROPERTIES} and given the Kafka connector in
 * {@code /opt/flink/lib}. Not part of the public API.
 *
 * @param flinkLibJars host jars copied into {@code /opt/flink/lib} of every Flink container
 */
public record ContainerPlan(ContainerSpec kafka, ContainerSpec jobManager, List<ContainerSpec> taskManagers,
                            ContainerSpec sqlGateway, List<Path> flinkLibJars) {
    public static final String KAFKA_ALIAS = "kafka";
    /** Port of the broker listener for the other containers (9092 is the host-mapped one). */
    public static final int KAFKA_NETWORK_PORT = 19092;
    public static final int KAFKA_HOST_PORT = 9092;
    public static final String JOB_MANAGER_ALIAS = "jobmanager";
    public static final String SQL_GATEWAY_ALIAS = "sql-gateway";
    public static final int REST_PORT = 8081;
    public static final int SQL_GATEWAY_PORT = 8083;
    public static final String FLINK_LIB = "/opt/flink/lib/";

    public ContainerPlan {
        taskManagers = List.copyOf(taskManagers);
        flinkLibJars = List.copyOf(flinkLibJars);
    }

    /** The plan for these settings, with these jars in every Flink container's {@code lib/}. */
    public static ContainerPlan of(ContainersSettings settings, List<Path> flinkLibJars) {
        Map<String, String> flinkEnvironment = Map.of("FLINK_PROPERTIES", flinkProperties(settings));
        Map<String, Path> lib = libFiles(flinkLibJars);
        List<ContainerSpec> taskManagers = new ArrayList<>();
        for (int i = 1; i <= settings.taskManagers(); i++) {
            taskManagers.add(new ContainerSpec("taskmanager-" + i, settings.flinkImage(), List.of("taskmanager"),
                    flinkEnvironment, List.of("taskmanager-" + i), List.of(), lib));
        }
        return new ContainerPlan(
                new ContainerSpec("kafka", settings.kafkaImage(), List.of(), kafkaEnvironment(), List.of(KAFKA_ALIAS),
                        List.of(KAFKA_HOST_PORT), Map.of()),
                new ContainerSpec("jobmanager", settings.flinkImage(), List.of("jobmanager"), flinkEnvironment,
                        List.of(JOB_MANAGER_ALIAS), List.of(REST_PORT), lib),
                taskManagers,
                new ContainerSpec("sql-gateway", settings.flinkImage(), gatewayCommand(), flinkEnvironment,
                        List.of(SQL_GATEWAY_ALIAS), List.of(SQL_GATEWAY_PORT), lib),
                flinkLibJars);
    }

    /** The broker listener for the other containers, as Testcontainers' {@code withListener} takes it. */
    public String kafkaNetworkListener() {
        return KAFKA_ALIAS + ":" + KAFKA_NETWORK_PORT;
    }

    /** Bootstrap servers as the Flink jobs (in the TaskManager containers) reach Kafka. */
    public String jobBootstrapServers() {
        return kafkaNetworkListener();
    }

    /** Every Flink container: JobManager, TaskManagers, SQL Gateway. */
    public List<ContainerSpec> flinkContainers() {
        List<ContainerSpec> all = new ArrayList<>();
        all.add(jobManager);
        all.addAll(taskManagers);
        all.add(sqlGateway);
        return all;
    }

    /**
     * Whether host ports may be bound to the loopback interface only: when the Docker host is this machine. A
     * remote Docker host (e.g. {@code DOCKER_HOST=tcp://...}) must publish them on its own interfaces.
     */
    public static boolean bindsLoopbackOnly(String dockerHostAddress) {
        String host = dockerHostAddress.strip();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * The Flink configuration of every Flink container, as the image's entrypoint reads {@code FLINK_PROPERTIES}:
     * one {@code key: value} a line.
     */
    static String flinkProperties(ContainersSettings settings) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", JOB_MANAGER_ALIAS);
        c.put("rest.address", JOB_MANAGER_ALIAS);
        c.put("rest.port", String.valueOf(REST_PORT));
        c.put("rest.bind-address", "0.0.0.0");
        c.put("taskmanager.numberOfTaskSlots", String.valueOf(settings.taskSlots()));
        c.put("sql-gateway.endpoint.rest.address", SQL_GATEWAY_ALIAS);
        c.put("sql-gateway.endpoint.rest.bind-address", "0.0.0.0");
        c.put("sql-gateway.endpoint.rest.port", String.valueOf(SQL_GATEWAY_PORT));
        c.putAll(TestClusterOptions.common());
        return c.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The SQL Gateway in the foreground (the container lives as long as it), submitting to the JobManager. */
    static List<String> gatewayCommand() {
        return List.of("/opt/flink/bin/sql-gateway.sh", "start-foreground",
                "-Dsql-gateway.endpoint.rest.address=" + SQL_GATEWAY_ALIAS,
                "-Dsql-gateway.endpoint.rest.bind-address=0.0.0.0",
                "-Drest.address=" + JOB_MANAGER_ALIAS,
                "-Drest.port=" + REST_PORT);
    }

    /**
     * Broker settings on top of Testcontainers' single-node KRaft ones, as the image reads them ({@code KAFKA_}
     * and the property name in capitals, dots as underscores): the same as the embedded broker's where they matter.
     */
    static Map<String, String> kafkaEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        // test records are often stamped years ago: time-based retention would delete them at once
        env.put("KAFKA_LOG_RETENTION_MS", "-1");
        env.put("KAFKA_LOG_RETENTION_BYTES", "-1");
        env.put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // Flink's exactly-once sink asks for transactions of up to an hour
        env.put("KAFKA_TRANSACTION_MAX_TIMEOUT_MS", "3600000");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        return env;
    }

    private static Map<String, Path> libFiles(List<Path> jars) {
        Map<String, Path> files = new LinkedHashMap<>();
        jars.forEach(jar -> files.put(FLINK_LIB + jar.getFileName(), jar));
        return files;
    }
}
