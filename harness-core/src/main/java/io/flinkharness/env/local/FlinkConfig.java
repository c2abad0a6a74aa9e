package io.flinkharness.env.local;

import io.flinkharness.env.internal.TestClusterOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code config.yaml} and logging of a {@link LocalProcessCluster}'s Flink processes. */
final class FlinkConfig {
    private FlinkConfig() {
    }

    static String yaml(String host, int rpcPort, int restPort, int gatewayPort) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", host);
        c.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        c.put("jobmanager.bind-host", host);
        c.put("jobmanager.memory.process.size", "384m");
        c.put("rest.address", host);
        c.put("rest.bind-address", host);
        c.put("rest.port", String.valueOf(restPort));
        c.put("taskmanager.host", host);
        c.put("taskmanager.bind-host", host);
        c.put("taskmanager.numberOfTaskSlots", "8");
        // a TaskManager started without Flink's scripts needs every part of its resources spelled out
        c.put("taskmanager.cpu.cores", "2");
        c.put("taskmanager.memory.framework.heap.size", "128m");
        c.put("taskmanager.memory.task.heap.size", "384m");
        c.put("taskmanager.memory.framework.off-heap.size", "128m");
        c.put("taskmanager.memory.task.off-heap.size", "0m");
        c.put("taskmanager.memory.managed.size", "128m");
        c.put("taskmanager.memory.network.min", "64m");
        c.put("taskmanager.memory.network.max", "64m");
        c.put("taskmanager.memory.jvm-metaspace.size", "192m");
        c.put("taskmanager.memory.jvm-overhead.min", "192m");
        c.put("taskmanager.memory.jvm-overhead.max", "192m");
        c.put("sql-gateway.endpoint.rest.address", host);
        c.put("sql-gateway.endpoint.rest.bind-address", host);
        c.put("sql-gateway.endpoint.rest.port", String.valueOf(gatewayPort));
        c.putAll(TestClusterOptions.common());
        return c.entrySet().stream().map(e -> e.getKey() + ": " + quoted(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String log4j() {
        return String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = out",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "logger.producer.name = org.apache.flink.connector.kafka.sink.internal",
                "logger.producer.level = WARN",
                "logger.metrics.name = org.apache.flink.metrics.MetricGroup",
                "logger.metrics.level = ERROR",
                "");
    }
}
