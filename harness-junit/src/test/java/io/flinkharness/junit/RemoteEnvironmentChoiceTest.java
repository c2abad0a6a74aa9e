package io.flinkharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkharness.env.local.LocalProcessCluster;
import io.flinkharness.internal.RestJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A test written for the embedded default runs unchanged on the remote environment, chosen by system properties
 * alone: here a Kafka broker and a Flink session cluster running as processes of their own.
 */
@Isolated
class RemoteEnvironmentChoiceTest {
    private static LocalProcessCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalProcessCluster.start(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theSameTestRunsOnTheRemoteClusterChosenBySystemProperties() {
        Map<String, String> settings = Map.of(
                "flinkharness.environment", "remote",
                "flinkharness.remote.bootstrap-servers", cluster.kafkaBootstrapServers(),
                "flinkharness.remote.sql-gateway", cluster.sqlGatewayUri().toString(),
                "flinkharness.remote.flink-rest", cluster.flinkRestUri().toString());
        settings.forEach(System::setProperty);
        try {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(FlinkSqlExtensionTest.CopyFixture.class))
                    .execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }

        JsonNode jobs = new RestJson("Flink REST API", Duration.ofSeconds(10))
                .get(cluster.flinkRestUri().resolve("/jobs/overview"));
        List<String> finished = new ArrayList<>();
        jobs.path("jobs").forEach(j -> finished.add(j.path("name").asText() + " " + j.path("state").asText()));
        assertThat(finished).as("jobs on the remote cluster").contains("flink-sql-harness: CopyFixture copiesEvents FINISHED");
    }
}
