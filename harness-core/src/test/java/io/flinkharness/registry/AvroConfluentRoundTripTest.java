package io.flinkharness.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.cases.CaseFiles;
import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.kafka.KafkaTopics;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.kafka.TestRecordProducer;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.RunnerSettings;
import io.flinkharness.run.SqlCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro in the Confluent wire format, written by the test with a schema from the real registry, read by Flink's
 * {@code avro-confluent} format (added to the session with ADD JAR) and copied to a JSON topic. One environment
 * and one registry for the class.
 */
class AvroConfluentRoundTripTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Schema ORDER = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "order_id", "type": "string"},
              {"name": "quantity", "type": "long"},
              {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "note", "type": ["null", "string"], "default": null},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}}
            ]}""");
    private static final GenericData AVRO = new GenericData();

    static {
        AVRO.addLogicalTypeConversion(new Conversions.DecimalConversion());
        AVRO.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    private static EmbeddedEnvironment env;
    private static SchemaRegistryClient client;
    private static KafkaTopics topics;
    private static TestRecordProducer producer;
    private static CaseRunner runner;

    @BeforeAll
    static void start() {
        env = SharedTestEnvironment.get();
        client = env.schemaRegistry();
        topics = KafkaTopics.connect(env.kafkaBootstrapServers());
        producer = TestRecordProducer.connect(env.kafkaBootstrapServers());
        runner = CaseRunner.on(env, RunnerSettings.defaults().withSessionJar(AvroConfluentFormat.jar()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {runner, producer, topics}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + part, e);
            }
        }
    }

    @Test
    void flinkReadsEveryFieldOfTheRegisteredSchema() {
        String topic = sourceTopic();
        int id = client.register(topic + "-value", ORDER.toString());
        producer.send(topic, List.of(
                record(id, order("o-1", 3, T0.plusMillis(1_500), "gift wrap", "12.50")),
                record(id, order("o-2", -7, T0.plusSeconds(60), null, "-0.99")),
                record(id, order("o-3", Long.MAX_VALUE, Instant.parse("1999-12-31T23:59:59.999Z"), "", "99999999.99"))));

        CaseResult result = runner.run(copyCase("avro-confluent round trip", topic)
                .expectRows("copy",
                        Row.of("order_id", "o-1", "quantity", 3, "created_at", "2024-01-01 00:00:01.5",
                                "note", "gift wrap", "price", new BigDecimal("12.50")),
                        Row.of("order_id", "o-2", "quantity", -7, "created_at", "2024-01-01 00:01:00",
                                "note", null, "price", new BigDecimal("-0.99")),
                        Row.of("order_id", "o-3", "quantity", Long.MAX_VALUE, "created_at", "1999-12-31 23:59:59.999",
                                "note", "", "price", new BigDecimal("99999999.99")))
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        // the format is not on this JVM's classpath: the job loaded it from the jar that the session shipped
        assertThatThrownBy(() -> Class.forName("org.apache.flink.formats.avro.registry.confluent.RegistryAvroFormatFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aSchemaIdTheRegistryDoesNotKnowFailsTheJobWithTheRegistrysAnswer() {
        String topic = sourceTopic();
        client.register(topic + "-value", ORDER.toString());
        producer.send(topic, List.of(record(987_654, order("o-1", 1, T0, null, "1.00"))));

        CaseResult result = runner.run(copyCase("unknown schema id", topic).build());

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.message())
                .startsWith("while waiting for the job: the job failed at run time: job " + result.jobIds().get(0)
                        + " FAILED: java.io.IOException: Failed to deserialize consumer record due to")
                .contains("\n  caused by: java.io.IOException: Could not find schema with id 987654 in registry\n")
                .contains("No content with ID '987654' was found.; error code: 40403");
    }

    @Test
    void aRunnerWithoutSessionJarsAddsTheFormatJarItselfWhenTheDdlUsesAvroConfluent() {
        String topic = sourceTopic();
        int id = client.register(topic + "-value", ORDER.toString());
        producer.send(topic, List.of(record(id, order("o-9", 9, T0, null, "9.00"))));
        try (CaseRunner plain = CaseRunner.on(env)) {
            CaseResult result = plain.run(copyCase("no session jar", topic)
                    .expectRows("copy", Row.of("order_id", "o-9", "quantity", 9, "created_at", "2024-01-01 00:00:00",
                            "note", null, "price", new BigDecimal("9.00")))
                    .build());

            assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        }
    }

    @Test
    void aFormatThatIsNotOnTheClasspathPointsAtSessionJars() {
        try (CaseRunner plain = CaseRunner.on(env)) {
            CaseResult result = plain.run(SqlCase.named("unknown format").topic("in", 1).topic("copy", 1)
                    .ddl("""
                            CREATE TABLE src (a STRING) WITH ('connector' = 'kafka', 'topic' = '${topic.in}',
                              'properties.bootstrap.servers' = '${bootstrap.servers}',
                              'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',
                              'format' = 'protobuf');
                            CREATE TABLE copy (a STRING) WITH ('connector' = 'kafka', 'topic' = '${topic.copy}',
                              'properties.bootstrap.servers' = '${bootstrap.servers}', 'format' = 'json')""")
                    .dml("INSERT INTO copy SELECT * FROM src").build());

            assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
            assertThat(result.message())
                    .startsWith("while submitting the dml: statement 1 (line 1) of case 'unknown format' dml failed:")
                    .contains("Could not find any factory for identifier 'protobuf'")
                    .contains("— a format or connector that is not on the harness's classpath can be added to"
                            + " every session with RunnerSettings.withSessionJar");
        }
    }

    @Test
    void aSubjectOfTheRegistryIsASchemaToGenerateFrom() {
        String subject = "generated-" + UUID.randomUUID().toString().substring(0, 8) + "-value";
        client.register(subject, ORDER.toString());

        RecordSchema latest = RecordSchema.fromRegistry(client, subject);
        RecordSchema first = RecordSchema.fromRegistry(client, subject, 1);

        assertThat(latest.fieldNames()).containsExactly("order_id", "quantity", "created_at", "note", "price");
        assertThat(latest.rowType()).isEqualTo(first.rowType());
        assertThat(latest.description()).startsWith("subject '" + subject + "' version 1 (id ");
        assertThat(DataGenerator.forSchema(latest).records(10).generate().records())
                .allSatisfy(r -> assertThat(r.value().get("created_at")).isInstanceOf(Instant.class));
        assertThatThrownBy(() -> RecordSchema.fromRegistry(client, subject, 2))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("has no version 2");
    }

    @Test
    void aCaseFileGeneratesFromARegistrySubject(@TempDir Path dir) throws IOException {
        String subject = "yaml-" + UUID.randomUUID().toString().substring(0, 8) + "-value";
        client.register(subject, ORDER.toString());
        Path file = Files.writeString(dir.resolve("from-registry.yaml"), """
                name: from the registry
                topics: { orders: { partitions: 1 } }
                generate:
                  orders:
                    schema: { registry: { subject: %s, version: latest, url: "%s" } }
                    records: 7
                dml: INSERT INTO x SELECT 1
                """.formatted(subject, client.url()));

        SqlCase fromRegistry = CaseFiles.load(file);

        assertThat(fromRegistry.generated().get("orders").size()).isEqualTo(7);
        assertThat(fromRegistry.generated().get("orders").schema().fieldNames())
                .containsExactly("order_id", "quantity", "created_at", "note", "price");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), Files.readString(file).replace(subject, "nope"));
        assertThatThrownBy(() -> CaseFiles.load(unknown))
                .hasMessageStartingWith(unknown + ":5:13: generate.orders.schema: subject 'nope' not found in schema"
                        + " registry " + client.url());
    }

    @Test
    void aSessionJarThatDoesNotExistIsNamedBeforeAnythingRuns() {
        Path missing = Path.of("/nonexistent/flink-sql-avro-confluent-registry.jar");

        assertThatThrownBy(() -> CaseRunner.on(env, RunnerSettings.defaults().withSessionJar(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("session jar /nonexistent/flink-sql-avro-confluent-registry.jar does not exist — give"
                        + " RunnerSettings.withSessionJar the path of a jar file (for the avro-confluent format,"
                        + " AvroConfluentFormat.jar() finds flink-sql-avro-confluent-registry)");
    }

    /** A topic for Avro input, created outside the case so the test knows its name (and subject) up front. */
    private static String sourceTopic() {
        String topic = "orders-" + UUID.randomUUID().toString().substring(0, 8);
        topics.create(topic, 1);
        return topic;
    }

    private static SqlCase.Builder copyCase(String name, String sourceTopic) {
        return SqlCase.named(name).topic("copy", 1)
                .ddl("""
                        CREATE TABLE orders (
                          order_id STRING, quantity BIGINT, created_at TIMESTAMP(3), note STRING, price DECIMAL(10, 2)
                        ) WITH ('connector' = 'kafka', 'topic' = '%s',
                          'properties.bootstrap.servers' = '${bootstrap.servers}',
                          'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',
                          'format' = 'avro-confluent', 'avro-confluent.url' = '%s');
                        CREATE TABLE copy (
                          order_id STRING, quantity BIGINT, created_at TIMESTAMP(3), note STRING, price DECIMAL(10, 2)
                        ) WITH ('connector' = 'kafka', 'topic' = '${topic.copy}',
                          'properties.bootstrap.servers' = '${bootstrap.servers}',
                          'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}',
                          'format' = 'json')
                        """.formatted(sourceTopic, client.url()))
                .dml("INSERT INTO copy SELECT * FROM orders");
    }

    private static GenericRecord order(String id, long quantity, Instant createdAt, String note, String price) {
        GenericRecord order = new GenericData.Record(ORDER);
        order.put("order_id", id);
        order.put("quantity", quantity);
        order.put("created_at", createdAt);
        order.put("note", note);
        order.put("price", new BigDecimal(price));
        return order;
    }

    /** The record as Avro binary in the Confluent wire format. */
    private static TestRecord record(int schemaId, GenericRecord value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(value.getSchema(), AVRO).write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestRecord.ofBytes(null, ConfluentWireFormat.encode(schemaId, out.toByteArray()), T0);
    }
}
