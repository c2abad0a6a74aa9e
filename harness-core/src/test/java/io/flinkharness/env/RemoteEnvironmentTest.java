package io.flinkharness.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.env.local.LocalProcessCluster;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import io.flinkharness.run.RunnerSettings;
import io.flinkharness.run.SqlJob;
import io.flinkharness.run.TestSession;
import io.flinkharness.run.VisibleOutput;
import io.flinkharness.internal.RestJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote environment against a Kafka broker and a Flink session cluster (JobManager, TaskManager, SQL
 * Gateway) running as processes of their own, as a real cluster would.
 */
class RemoteEnvironmentTest {
    private static LocalProcessCluster cluster;
    private static RemoteEnvironment env;

    @BeforeAll
    static void startCluster() {
        cluster = LocalProcessCluster.start(Duration.ofMinutes(2));
        env = RemoteEnvironment.connect(cluster.remoteSettings());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static SqlCase clicksPerUser(String name) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        return SqlCase.named(name)
                .topic("clicks", 2).topic("counts", 1)
                .input("clicks", List.of(
                        TestRecord.of("alice", "{\"user\":\"alice\",\"ts\":\"2026-01-01 00:00:01\"}", t0).withPartition(0),
                        TestRecord.of("bob", "{\"user\":\"bob\",\"ts\":\"2026-01-01 00:00:02\"}", t0).withPartition(1),
                        TestRecord.of("alice", "{\"user\":\"alice\",\"ts\":\"2026-01-01 00:00:07\"}", t0).withPartition(1)))
                .ddl("""
                        CREATE TABLE clicks (`user` STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
                        WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}', ${kafka.options},
                          'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');
                        CREATE TABLE counts (`user` STRING, window_end TIMESTAMP(3), clicks BIGINT)
                        WITH ('connector' = 'kafka', 'topic' = '${topic.counts}', ${kafka.options}, 'format' = 'json',
                          'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}');
                        """)
                .dml("INSERT INTO counts SELECT `user`, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks,"
                        + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY `user`, window_start, window_end")
                .expectRows("counts",
                        Row.of("user", "alice", "window_end", "2026-01-01 00:00:10", "clicks", 2L),
                        Row.of("user", "bob", "window_end", "2026-01-01 00:00:10", "clicks", 1L))
                .build();
    }

    @Test
    void aBoundedWindowCaseRunsOnTheRemoteClusterInPrefixedTopicsThatAreDeletedAfterwards() {
        try (CaseRunner runner = CaseRunner.on(env); KafkaTopics topics = KafkaTopics.connect(env.kafkaConnection())) {
            CaseResult result = runner.run(clicksPerUser("clicks on remote"));

            assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
            assertThat(result.topics().values()).allMatch(t -> t.startsWith("flink-harness-"));
            io.flinkharness.internal.Poll.until("the case's topics " + result.topics().values() + " to be deleted",
                    Duration.ofSeconds(30), () -> topics.existing(result.topics().values()).isEmpty()
                            ? java.util.Optional.of(true) : java.util.Optional.empty(),
                    () -> "still there: " + topics.existing(result.topics().values()));
        }
    }

    @Test
    void aKilledTaskManagersJobRestartsFromItsCheckpointWithoutDuplicatesOrLoss() {
        RunnerSettings restarting = RunnerSettings.defaults()
                .withSessionOption("restart-strategy.type", "fixed-delay")
                .withSessionOption("restart-strategy.fixed-delay.attempts", "100")
                .withSessionOption("restart-strategy.fixed-delay.delay", "500 ms");
        try (CaseRunner runner = CaseRunner.on(env, restarting);
             TestSession session = runner.openSession("task manager killed", Duration.ofMinutes(2))) {
            session.createTopics(java.util.Map.of("events", 2, "copies", 1));
            session.execute("""
                    CREATE TABLE events (id BIGINT) WITH ('connector' = 'kafka', 'topic' = '${topic.events}',
                      ${kafka.options}, 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                    CREATE TABLE copies (id BIGINT) WITH ('connector' = 'kafka', 'topic' = '${topic.copies}',
                      ${kafka.options}, 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',
                      'sink.transactional-id-prefix' = '${case.id}');
                    """);
            SqlJob job = session.start("INSERT INTO copies SELECT id FROM events").awaitRunning();

            session.topic("events").send(events(0, 500));
            session.awaitTable("copies").untilRowCount(500);
            session.topic("events").send(events(500, 1000));
            cluster.killTaskManager();                     // records of the second batch are in flight
            session.topic("events").send(events(1000, 1500));
            cluster.startTaskManager();

            VisibleOutput all = session.awaitTable("copies").untilRowCount(1500);

            assertThat(all.table().rows()).extracting(r -> ((Number) r.get("id")).longValue()).doesNotHaveDuplicates()
                    .hasSize(1500).allMatch(id -> id >= 0 && id < 1500);
            JsonNode checkpoints = new RestJson("Flink REST API", Duration.ofSeconds(10))
                    .get(cluster.flinkRestUri().resolve("/jobs/" + job.id() + "/checkpoints"));
            assertThat(checkpoints.path("latest").path("restored").path("id").asLong(0))
                    .as("the job restarted from a checkpoint: %s", checkpoints.path("latest")).isPositive();
            assertThat(job.status()).isEqualTo(io.flinkharness.flink.JobStatus.RUNNING);
        }
    }

    private static List<TestRecord> events(int from, int to) {
        return java.util.stream.IntStream.range(from, to)
                .mapToObj(i -> TestRecord.of(null, "{\"id\":" + i + "}").withPartition(i % 2)).toList();
    }

    @Test
    void aGatewayWithoutTheKafkaConnectorIsNamedWithTheFix() {
        try (LocalProcessCluster noConnector = LocalProcessCluster.start(Duration.ofMinutes(2),
                jar -> jar.getFileName().toString().startsWith("flink-connector-kafka"))) {
            assertThatThrownBy(() -> RemoteEnvironment.connect(noConnector.remoteSettings()))
                    .isInstanceOf(EnvironmentStartException.class)
                    .hasMessageStartingWith("the Flink SQL Gateway at " + noConnector.sqlGatewayUri() + " cannot plan a"
                            + " Kafka table: ")
                    .hasMessageContaining("Could not find any factory for identifier 'kafka'")
                    .hasMessageEndingWith("— the Kafka connector is missing: put flink-sql-connector-kafka (and the"
                            + " formats the tests use) into the lib/ directory of the gateway and of the session"
                            + " cluster, and restart them");
        }
    }

    @Test
    void servicesThatDoNotAnswerAreNamedWithTheirAddress() {
        RemoteSettings noKafka = cluster.remoteSettings().withKafka(io.flinkharness.kafka.KafkaConnection.to(
                "127.0.0.1:1")).withConnectTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> RemoteEnvironment.connect(noKafka))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessageStartingWith("the Kafka cluster at 127.0.0.1:1 did not answer within PT2S — check"
                        + " remote.bootstrap-servers");

        RemoteSettings noGateway = new RemoteSettings(cluster.remoteSettings().kafka(), URI.create("http://127.0.0.1:1"),
                cluster.flinkRestUri(), java.util.Optional.empty(), "flink-harness-", Duration.ofSeconds(2),
                java.util.Optional.empty());
        assertThatThrownBy(() -> RemoteEnvironment.connect(noGateway))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessageStartingWith("the Flink SQL Gateway at http://127.0.0.1:1 did not answer: ")
                .hasMessageContaining("check remote.sql-gateway");
    }
}
