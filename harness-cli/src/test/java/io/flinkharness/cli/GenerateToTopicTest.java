package io.flinkharness.cli;

import static io.flinkharness.cli.RunCommandTest.noEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.cases.CaseFiles;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.kafka.ReadCommittedReader;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.registry.ConfluentWireFormat;
import io.flinkharness.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code generate --to-topic} against the embedded environment's Kafka broker. */
class GenerateToTopicTest {
    private static final Path DUPLICATES = Path.of("..", "samples", "cases", "dedup-generated-duplicates.yaml");
    private static final SharedEnvironment ENV = new SharedEnvironment();
    private static FlinkKafkaEnvironment env;
    private static KafkaTopics topics;

    @BeforeAll
    static void startKafka() {
        env = ENV.get();
        topics = KafkaTopics.connect(env.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopKafka() {
        topics.close();
        ENV.close();
    }

    @Test
    void producesTheRecordsWithTheirKeysPartitionsAndTimestamps() {
        topics.create("generated-orders", 4);
        List<TestRecord> expected = CaseFiles.load(DUPLICATES).generated().get("orders").toTestRecords();

        CliRun run = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(),
                "--bootstrap-servers", env.kafkaBootstrapServers(), "--to-topic", "generated-orders");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).isEqualTo("produced to topic 'generated-orders' on " + env.kafkaBootstrapServers()
                + ": 240 records (generated 200, duplicate 40; on time 240), per partition [54, 65, 61, 60], seed 7"
                + System.lineSeparator());
        try (ReadCommittedReader reader = ReadCommittedReader.connect(env.kafkaBootstrapServers())) {
            List<String> read = reader.readToEnd("generated-orders", Duration.ofSeconds(30)).stream()
                    .map(GenerateToTopicTest::text).toList();
            assertThat(read).containsExactlyElementsOf(inPartitionOrder(expected));
        }
    }

    @Test
    void avroConfluentRecordsCarryTheIdOfTheSchemaRegisteredForTheTopic() {
        Path avro = DUPLICATES.resolveSibling("avro-registry-orders.yaml");
        topics.create("registry-orders", 2);
        SchemaRegistryClient registry = env.schemaRegistry();

        CliRun run = CliRun.of(noEnvironment(), "generate", avro.toString(), "--bootstrap-servers",
                env.kafkaBootstrapServers(), "--to-topic", "registry-orders", "--schema-registry",
                registry.url().toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        int id = registry.latest("registry-orders-value").id();
        try (ReadCommittedReader reader = ReadCommittedReader.connect(env.kafkaBootstrapServers())) {
            assertThat(reader.readToEnd("registry-orders", Duration.ofSeconds(30))).hasSize(120)
                    .allMatch(r -> r.valueBytes()[0] == ConfluentWireFormat.MAGIC_BYTE
                            && ConfluentWireFormat.schemaId(r.valueBytes()) == id);
        }
    }

    @Test
    void topicThatDoesNotExist() {
        CliRun run = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(),
                "--bootstrap-servers", env.kafkaBootstrapServers(), "--to-topic", "no-such-topic");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("topic 'no-such-topic' does not exist on " + env.kafkaBootstrapServers()
                + " — create it first (generate writes only to existing topics)" + System.lineSeparator());
    }

    @Test
    void topicWithTooFewPartitions() {
        topics.create("one-partition", 1);

        CliRun run = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(),
                "--bootstrap-servers", env.kafkaBootstrapServers(), "--to-topic", "one-partition");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("topic 'one-partition' on " + env.kafkaBootstrapServers() + " has 1 partition"
                + " but the records go to partitions 0..3 — give a topic with at least 4 partitions"
                + System.lineSeparator());
        try (ReadCommittedReader reader = ReadCommittedReader.connect(env.kafkaBootstrapServers())) {
            assertThat(reader.readToEnd("one-partition", Duration.ofSeconds(30))).as("nothing written").isEmpty();
        }
    }

    /** Kafka keeps the produce order within each partition. */
    private static List<String> inPartitionOrder(List<TestRecord> records) {
        return records.stream().sorted(Comparator.comparingInt(r -> r.partition().getAsInt()))
                .map(r -> r.partition().getAsInt() + " " + r.timestamp() + " " + r.key() + " " + r.value()).toList();
    }

    private static String text(OutputRecord r) {
        return r.partition() + " " + r.timestamp() + " " + r.key() + " " + r.value();
    }
}
