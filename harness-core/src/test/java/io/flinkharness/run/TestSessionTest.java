package io.flinkharness.run;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.TimeModel;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.internal.Poll;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A test's session, step by step on the shared embedded environment: topics, SQL, jobs, output, clean-up. */
class TestSessionTest {
    private final CaseRunner runner = SharedTestEnvironment.runner();

    private static final String TABLES = """
            CREATE TABLE clicks (`user` STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
            WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}', 'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');
            CREATE TABLE per_user (`user` STRING, clicks BIGINT, PRIMARY KEY (`user`) NOT ENFORCED)
            WITH ('connector' = 'upsert-kafka', 'topic' = '${topic.per_user}',
              'properties.bootstrap.servers' = '${bootstrap.servers}', 'key.format' = 'json', 'value.format' = 'json',
              'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}');
            """;

    @Test
    void topicsSqlAJobAndItsOutputThenTheTopicsAreDeleted() {
        List<String> names;
        try (TestSession session = runner.openSession("session steps")) {
            session.createTopic("clicks", 2);
            session.createTopic("per_user", 1);
            session.execute(TABLES);
            GeneratedData clicks = DataGenerator.forSchema(session.schemaOf("clicks")).seed(5).records(50)
                    .placement(io.flinkharness.data.Placement.roundRobin(2))
                    .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofSeconds(1)))
                    .field("user", FieldRule.oneOf("alice", "bob"))
                    .generate();
            session.topic("clicks").send(clicks);

            SqlJob job = session.run("INSERT INTO per_user SELECT `user`, COUNT(*) FROM clicks GROUP BY `user`");

            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            long alice = clicks.stream().filter(r -> r.value().get("user").equals("alice")).count();
            ResultTable perUser = session.table("per_user");
            assertThat(perUser.kind()).isEqualTo(ResultTable.Kind.UPSERT);
            assertThat(perUser).containsExactlyRowsInAnyOrder(Row.of("user", "alice", "clicks", alice),
                    Row.of("user", "bob", "clicks", 50 - alice));
            assertThat(session.describe())
                    .startsWith("test session 'session steps' (id session-steps-")
                    .contains("\n  topic clicks: " + session.topic("clicks").name() + ", 2 partitions, 50 records sent,"
                            + " generated with seed 5")
                    .contains("\n  job " + job.id() + " FINISHED: INSERT INTO per_user SELECT `user`, COUNT(*)");
            names = session.topics().stream().map(SessionTopic::name).toList();
        }
        try (KafkaTopics topics = KafkaTopics.connect(SharedTestEnvironment.get().kafkaBootstrapServers())) {
            Poll.until("the closed session's topics " + names + " to be deleted", Duration.ofSeconds(30),
                    () -> topics.existing(names).isEmpty() ? Optional.of(true) : Optional.empty(),
                    () -> "still there: " + topics.existing(names));
        }
    }

    @Test
    void closingCancelsARunningJobAndKeptTopicsStay() {
        SqlJob job;
        String topic;
        try (TestSession session = runner.openSession("cancel on close")) {
            topic = session.createTopic("clicks", 1).name();
            session.createTopic("per_user", 1);
            session.execute(TABLES.replace("'scan.bounded.mode' = 'latest-offset', ", ""));
            session.topic("clicks").send(TestRecord.of(null, "{\"user\":\"a\",\"ts\":\"2026-01-01 00:00:00\"}"));
            job = session.start("INSERT INTO per_user SELECT `user`, COUNT(*) FROM clicks GROUP BY `user`");
            session.keepTopics();
        }
        Poll.until("job " + job.id() + " to be cancelled by the session's close", Duration.ofSeconds(30),
                () -> job.status() == JobStatus.CANCELED ? Optional.of(true) : Optional.empty(),
                () -> "status " + job.status());
        try (KafkaTopics topics = KafkaTopics.connect(SharedTestEnvironment.get().kafkaBootstrapServers())) {
            assertThat(topics.existing(List.of(topic))).containsExactly(topic);
            topics.delete(List.of(topic));
        }
    }

    @Test
    void mistakesAreNamed() {
        try (TestSession session = runner.openSession("mistakes")) {
            session.createTopic("clicks", 1);
            assertThatThrownBy(() -> session.createTopic("clicks", 2))
                    .hasMessageStartingWith("topic 'clicks' is already created in this session (topic clicks (clicks-");
            assertThatThrownBy(() -> session.createTopic("other", 0))
                    .hasMessage("topic 'other' needs partitions >= 1 but was 0");
            assertThatThrownBy(() -> session.topic("orders"))
                    .hasMessage("no topic 'orders' in this session; its topics: [clicks] — create it first with"
                            + " createTopic(\"orders\", partitions)");
            assertThatThrownBy(() -> session.execute("CREATE TABLE t (a INT) WITH ('topic' = '${topic.orders}')"))
                    .hasMessageStartingWith("statement 1 (line 1) of sql: unknown placeholder ${topic.orders};"
                            + " known placeholders: [bootstrap.servers, case.id, kafka.options, topic.clicks]");
            assertThatThrownBy(() -> session.table("nope"))
                    .hasMessage("no CREATE TABLE nope ran in this session; its tables: [] — run the DDL first"
                            + " (execute, or @SqlScript)");
            assertThatThrownBy(() -> session.start("CREATE TABLE x (a INT) WITH ('connector' = 'datagen')"))
                    .hasMessage("the dml started no Flink job — give one INSERT INTO, or one EXECUTE STATEMENT SET"
                            + " for several sinks; DDL goes to execute()");
            session.execute(TABLES.replace("${topic.per_user}", "not-created-here"));
            assertThatThrownBy(() -> session.start("INSERT INTO per_user SELECT `user`, 1 FROM clicks"))
                    .hasMessageStartingWith("statement 2 (line 4) of sql: table option 'topic' = 'not-created-here'"
                            + " names a topic that does not exist");
        }
    }
}
