package io.flinkharness.env.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.env.ContainersSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The containers of the containers environment, as planned: no Docker needed. */
class ContainerPlanTest {
    private static final Path CONNECTOR = Path.of("/repo/flink-sql-connector-kafka-5.0.0-2.2.jar");

    private final ContainerPlan plan = ContainerPlan.of(ContainersSettings.defaults().withTaskManagers(2)
            .withTaskSlots(4), List.of(CONNECTOR));

    @Test
    void kafkaRunsTheKafkaImageUnderItsAliasAndTheJobsReachItThere() {
        assertThat(plan.kafka().image()).isEqualTo("apache/kafka:4.2.0");
        assertThat(plan.kafka().networkAliases()).containsExactly("kafka");
        assertThat(plan.kafka().exposedPorts()).containsExactly(9092);
        assertThat(plan.kafka().command()).isEmpty();
        assertThat(plan.kafka().copiedFiles()).isEmpty();
        assertThat(plan.kafkaNetworkListener()).isEqualTo("kafka:19092");
        assertThat(plan.jobBootstrapServers()).isEqualTo("kafka:19092");
        assertThat(plan.kafka().environment()).containsEntry("KAFKA_LOG_RETENTION_MS", "-1")
                .containsEntry("KAFKA_TRANSACTION_MAX_TIMEOUT_MS", "3600000")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void theFlinkContainersRunTheFlinkImageWithTheirCommandsAndAliases() {
        assertThat(plan.flinkContainers()).extracting(ContainerSpec::image).containsOnly("flink:2.2.0-scala_2.12-java17");
        assertThat(plan.flinkContainers()).extracting(ContainerSpec::name)
                .containsExactly("jobmanager", "taskmanager-1", "taskmanager-2", "sql-gateway");
        assertThat(plan.jobManager().command()).containsExactly("jobmanager");
        assertThat(plan.jobManager().networkAliases()).containsExactly("jobmanager");
        assertThat(plan.jobManager().exposedPorts()).containsExactly(8081);
        assertThat(plan.taskManagers()).allSatisfy(tm -> {
            assertThat(tm.command()).containsExactly("taskmanager");
            assertThat(tm.exposedPorts()).isEmpty();
        });
        assertThat(plan.taskManagers().get(1).networkAliases()).containsExactly("taskmanager-2");
        assertThat(plan.sqlGateway().command()).containsExactly("/opt/flink/bin/sql-gateway.sh", "start-foreground",
                "-Dsql-gateway.endpoint.rest.address=sql-gateway", "-Dsql-gateway.endpoint.rest.bind-address=0.0.0.0",
                "-Drest.address=jobmanager", "-Drest.port=8081");
        assertThat(plan.sqlGateway().networkAliases()).containsExactly("sql-gateway");
        assertThat(plan.sqlGateway().exposedPorts()).containsExactly(8083);
    }

    @Test
    void everyFlinkContainerGetsTheSameFlinkPropertiesAndTheConnectorInItsLib() {
        assertThat(plan.flinkContainers()).extracting(ContainerSpec::environment).containsOnly(
                plan.jobManager().environment());
        assertThat(plan.flinkContainers()).extracting(ContainerSpec::copiedFiles).containsOnly(
                Map.of("/opt/flink/lib/flink-sql-connector-kafka-5.0.0-2.2.jar", CONNECTOR));
        Map<String, String> properties = parse(plan.jobManager().environment().get("FLINK_PROPERTIES"));
        assertThat(properties).containsEntry("jobmanager.rpc.address", "jobmanager")
                .containsEntry("rest.address", "jobmanager")
                .containsEntry("rest.port", "8081")
                .containsEntry("rest.bind-address", "0.0.0.0")
                .containsEntry("taskmanager.numberOfTaskSlots", "4")
                .containsEntry("execution.target", "remote")
                .containsEntry("metrics.fetcher.update-interval", "100")
                .containsEntry("web.refresh-interval", "100")
                .containsEntry("rest.cache.checkpoint-statistics.timeout", "100 ms")
                .containsEntry("sql-gateway.endpoint.rest.address", "sql-gateway")
                .containsEntry("sql-gateway.endpoint.rest.bind-address", "0.0.0.0")
                .containsEntry("sql-gateway.endpoint.rest.port", "8083");
        assertThat(properties.get("classloader.parent-first-patterns.default")).contains("org.apache.flink.connector.")
                .doesNotContain("org.apache.flink.formats.avro.");
    }

    /** As the Flink image's entrypoint reads FLINK_PROPERTIES: a line each, the key up to the first colon. */
    private static Map<String, String> parse(String flinkProperties) {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(flinkProperties.split("\n")).filter(l -> !l.isBlank()).forEach(line -> {
            int colon = line.indexOf(':');
            assertThat(colon).as("a 'key: value' line: %s", line).isPositive();
            assertThat(out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip()))
                    .as("key given twice: %s", line).isNull();
        });
        return out;
    }

    @Test
    void hostPortsAreOnLoopbackOnlyWhenDockerRunsOnThisMachine() {
        assertThat(ContainerPlan.bindsLoopbackOnly("localhost")).isTrue();
        assertThat(ContainerPlan.bindsLoopbackOnly("127.0.0.1")).isTrue();
        assertThat(ContainerPlan.bindsLoopbackOnly("::1")).isTrue();
        assertThat(ContainerPlan.bindsLoopbackOnly("192.168.99.100")).isFalse();
        assertThat(ContainerPlan.bindsLoopbackOnly("docker")).isFalse();
    }

    @Test
    void theSqlConnectorJarIsPreferredAndTheClasspathsConnectorJarsStandIn(@TempDir Path dir) throws IOException {
        Path given = Files.createFile(dir.resolve("flink-sql-connector-kafka.jar"));
        Properties properties = new Properties();
        properties.setProperty("flinkharness.sql-connector-kafka.jar", given.toString());
        assertThat(FlinkLibJars.locate(properties, c -> Optional.empty())).containsExactly(given);

        Properties none = new Properties();
        none.setProperty("user.home", dir.toString());
        assertThat(FlinkLibJars.locate(none, c -> Optional.of(Path.of("/cp/" + c + ".jar")))).containsExactly(
                Path.of("/cp/org.apache.flink.connector.kafka.source.KafkaSource.jar"),
                Path.of("/cp/org.apache.flink.connector.base.source.reader.SourceReaderBase.jar"),
                Path.of("/cp/org.apache.kafka.clients.producer.KafkaProducer.jar"));
        assertThatThrownBy(() -> FlinkLibJars.locate(none, c -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Flink Kafka SQL connector jar org.apache.flink:flink-sql-connector-kafka:")
                .hasMessageContaining("fetch it with: mvn ")
                .hasMessageEndingWith("; nor is org.apache.flink.connector.kafka.source.KafkaSource on the classpath"
                        + " in a jar to copy instead");
    }

    @Test
    void theClasspathsConnectorClassesAreFoundInTheirJars() {
        assertThat(FlinkLibJars.CONNECTOR_CLASSES).allSatisfy(c -> assertThat(FlinkLibJars.jarOfClass(c))
                .hasValueSatisfying(jar -> assertThat(jar.toString()).endsWith(".jar")));
        assertThat(FlinkLibJars.jarOfClass("no.such.Class")).isEmpty();
    }
}
