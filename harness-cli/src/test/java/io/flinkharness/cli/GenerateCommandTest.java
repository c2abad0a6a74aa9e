package io.flinkharness.cli;

import static io.flinkharness.cli.CaseText.with;
import static io.flinkharness.cli.CaseText.write;
import static io.flinkharness.cli.RunCommandTest.noEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flinkharness.cases.CaseFiles;
import io.flinkharness.kafka.TestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} writing lines; producing to Kafka is in {@link GenerateToTopicTest}. */
class GenerateCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "cases");
    private static final Path LATE = SAMPLES.resolve("late-records-dropped.yaml");
    private static final Path DUPLICATES = SAMPLES.resolve("dedup-generated-duplicates.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENERATED_CLICKS = """
            generate:
              clicks:
                schema: { table: clicks }
                seed: 3
                records: 20
                fields:
                  user: { oneOf: [ada, bob] }
            ddl: |
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheRecordsTheCaseRunsWith() throws IOException {
        List<TestRecord> expected = CaseFiles.load(LATE).generated().get("clicks").toTestRecords();

        CliRun run = CliRun.of(noEnvironment(), "generate", LATE.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(305).hasSameSizeAs(expected);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            TestRecord record = expected.get(i);
            assertThat(line.fieldNames()).toIterable().containsExactly("partition", "timestamp", "key", "value");
            assertThat(line.get("partition").asInt()).isEqualTo(record.partition().getAsInt());
            assertThat(line.get("timestamp").asText()).isEqualTo(record.timestamp().toString());
            assertThat(line.get("key").isNull()).isTrue();
            assertThat(line.get("value").toString()).isEqualTo(record.value());
        }
        assertThat(lines.get(0)).startsWith("{\"partition\":0,\"timestamp\":\"2026-01-01T00:00:00Z\",\"key\":null,"
                + "\"value\":{\"user_id\":\"user_id-");
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        CliRun first = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(), "--seed", "11", "--labels");
        CliRun second = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(), "--seed", "11", "--labels");
        CliRun otherSeed = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(), "--seed", "12", "--labels");

        assertThat(first.exitCode()).as(first.transcript()).isZero();
        assertThat(first.out()).hasLineCount(240).isEqualTo(second.out());
        assertThat(otherSeed.out()).hasLineCount(240).isNotEqualTo(first.out());
    }

    @Test
    void keysAndValuesInTheTableFormats() throws IOException {
        CliRun run = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(), "--records", "100");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        JsonNode first = JSON.readTree(run.outLines().get(0));
        assertThat(first.get("key").toString()).isEqualTo("{\"order_id\":\"order-0\"}");
        assertThat(first.get("value").get("order_id").asText()).isEqualTo("order-0");
        assertThat(first.get("value").fieldNames()).toIterable()
                .containsExactly("order_id", "customer", "amount", "ts");
    }

    @Test
    void recordsAndSeedOverrideTheCase() {
        CliRun run = CliRun.of(noEnvironment(), "generate", LATE.toString(), "--records", "50", "--seed", "1");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).as("50 records and the case's 5 late ones").hasSize(55);
    }

    @Test
    void labelsSayWhichRecordsAreLate() throws IOException {
        CliRun run = CliRun.of(noEnvironment(), "generate", LATE.toString(), "--labels");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        List<JsonNode> lines = run.outLines().stream().map(GenerateCommandTest::json).toList();
        assertThat(lines).filteredOn(l -> l.get("label").get("lateness").asText().equals("late")).hasSize(5)
                .allMatch(l -> l.get("label").get("origin").asText().equals("late"));
        JsonNode second = lines.get(1).get("label");
        assertThat(second.toString()).isEqualTo("{\"arrival\":1,\"eventTime\":\"" + second.get("eventTime").asText()
                + "\",\"positionInPartition\":1,\"origin\":\"generated\",\"duplicateOf\":null,\"displaced\":"
                + second.get("displaced") + ",\"lateness\":\"on-time\",\"watermarkOnArrival\":"
                + second.get("watermarkOnArrival") + "}");
        assertThat(second.get("watermarkOnArrival").fieldNames()).toIterable().containsExactly("lowest", "highest");
    }

    @Test
    void rawWritesKeyTabValue() {
        CliRun run = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(), "--format", "raw");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).hasSize(240).allMatch(l -> l.matches("\\{\"order_id\":\"[^\"]+\"}\t\\{.*}"));
        assertThat(run.outLines().get(0)).startsWith("{\"order_id\":\"order-0\"}\t{\"order_id\":\"order-0\",");
    }

    @Test
    void outputFile() throws IOException {
        Path out = dir.resolve("orders.jsonl");
        CliRun toStdout = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString());

        CliRun run = CliRun.of(noEnvironment(), "generate", DUPLICATES.toString(), "--output", out.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).isEqualTo("wrote " + out + ": 240 records (generated 200, duplicate 40; on time 240),"
                + " per partition [54, 65, 61, 60], seed 7" + System.lineSeparator());
        assertThat(Files.readString(out)).isEqualTo(toStdout.out());
    }

    @Test
    void binaryFormatsAreBase64AndNotRaw() {
        Path file = write(dir.resolve("avro.yaml"), with("ddl: |\n", GENERATED_CLICKS)
                .replace("'format' = 'json'\n  );\n  -- the sink", "'format' = 'avro'\n  );\n  -- the sink"));

        CliRun jsonl = CliRun.of(noEnvironment(), "generate", file.toString(), "--topic", "clicks");
        CliRun raw = CliRun.of(noEnvironment(), "generate", file.toString(), "--topic", "clicks", "--format", "raw");

        assertThat(jsonl.exitCode()).as(jsonl.transcript()).isZero();
        String value = json(jsonl.outLines().get(0)).get("value").asText();
        assertThat(Base64.getDecoder().decode(value)).asString(StandardCharsets.ISO_8859_1).containsAnyOf("ada", "bob")
                .doesNotContain("{");
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.err()).isEqualTo("--format raw writes records as text, but topic 'clicks' has the binary"
                + " format 'avro' — use --format jsonl, which writes binary keys and values in base64"
                + System.lineSeparator());
    }

    @Test
    void aCaseOfAFileWithSeveralUsesTheSharedGenerateSection() throws IOException {
        Path suite = SAMPLES.resolve("orders-suite.yaml");
        List<TestRecord> expected = CaseFiles.loadAll(suite).get(3).sqlCase().orElseThrow().generated().get("orders")
                .toTestRecords();

        CliRun run = CliRun.of(noEnvironment(), "generate", suite.toString(), "--case", "latest order per customer");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).hasSize(426).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(json(run.outLines().get(i)).get("value").toString()).isEqualTo(expected.get(i).value());
        }
    }

    @Test
    void aFileWithSeveralCasesNeedsCase() {
        Path suite = SAMPLES.resolve("orders-suite.yaml");

        CliRun run = CliRun.of(noEnvironment(), "generate", suite.toString());
        CliRun misspelt = CliRun.of(noEnvironment(), "generate", suite.toString(), "--case",
                "latest orders per customer");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(suite + " holds 5 cases — give --case with the name of one: orders and"
                + " revenue per 10-second window, late orders dropped, orders per 10-second window sliding by 5"
                + " seconds, first order per customer, duplicates and late orders ignored, latest order per customer,"
                + " big orders only, nothing else"
                + System.lineSeparator());
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).startsWith(suite + " holds no case named 'latest orders per customer' — did you"
                + " mean 'latest order per customer'?");
    }

    @Test
    void missingCaseFile() {
        Path missing = dir.resolve("missing.yaml");

        CliRun run = CliRun.of(noEnvironment(), "generate", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no such case file: " + missing + " — give the path of a case file (*.yaml)"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void brokenCaseFile() {
        Path broken = write(dir.resolve("broken.yaml"), "name: broken\ntopics:\n  out: { partitions: 1\ndml: x\n");

        CliRun run = CliRun.of(noEnvironment(), "generate", broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(broken + ":4:4: YAML syntax: ");
    }

    @Test
    void caseWithoutGenerateSection() {
        Path dedup = SAMPLES.resolve("dedup.yaml");

        CliRun run = CliRun.of(noEnvironment(), "generate", dedup.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(dedup + ": the case has no generate: section, so there are no records to"
                + " generate — add one for an input topic (see samples/cases/late-records-dropped.yaml)"
                + System.lineSeparator());
    }

    @Test
    void unknownTopic() {
        CliRun run = CliRun.of(noEnvironment(), "generate", LATE.toString(), "--topic", "clikcs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(LATE + ": the case generates no records for topic 'clikcs' — did you mean"
                + " 'clicks'? (generated topics: clicks)" + System.lineSeparator());
    }

    @Test
    void severalGeneratedTopicsNeedTopic() {
        Path file = write(dir.resolve("two.yaml"), with("ddl: |\n", GENERATED_CLICKS.replace("ddl: |\n", """
                  counts:
                    schema: { table: counts }
                    records: 5
                ddl: |
                """)));

        CliRun run = CliRun.of(noEnvironment(), "generate", file.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(file + ": the case generates records for several topics — give --topic with"
                + " one of: clicks, counts" + System.lineSeparator());
    }

    @Test
    void tooFewRecordsForTheRules() {
        CliRun run = CliRun.of(noEnvironment(), "generate", LATE.toString(), "--records", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(LATE + ": generate.clicks (with --records 3): field 'user_id' rule random:"
                + " distinct(20) needs at least 20 generated records, but only 3 are generated"
                + System.lineSeparator());
    }

    @Test
    void avroConfluentNeedsASchemaRegistry() {
        Path avro = SAMPLES.resolve("avro-registry-orders.yaml");

        CliRun run = CliRun.of(noEnvironment(), "generate", avro.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(avro + ": topic 'orders': the avro-confluent format writes the schema id a"
                + " registry assigns — give --schema-registry URL (the registry's Confluent-compatible API)"
                + System.lineSeparator());
    }

    @Test
    void schemaRegistryThatDoesNotAnswer() {
        Path avro = SAMPLES.resolve("avro-registry-orders.yaml");

        CliRun run = CliRun.of(noEnvironment(), "generate", avro.toString(), "--schema-registry",
                "http://127.0.0.1:1");

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(3);
        assertThat(run.err()).startsWith("--schema-registry: ").contains("http://127.0.0.1:1");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void nothingIsWrittenWhenTheFormatCannotBe() {
        Path file = write(dir.resolve("avro.yaml"), with("ddl: |\n", GENERATED_CLICKS)
                .replace("'format' = 'json'\n  );\n  -- the sink", "'format' = 'avro'\n  );\n  -- the sink"));
        Path out = dir.resolve("clicks.txt");

        CliRun run = CliRun.of(noEnvironment(), "generate", file.toString(), "--topic", "clicks", "--format", "raw",
                "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void optionsThatDoNotGoTogether() {
        assertThat(CliRun.of(noEnvironment(), "generate", LATE.toString(), "--to-topic", "t").err())
                .isEqualTo("--to-topic needs --bootstrap-servers: give the Kafka cluster, e.g. --bootstrap-servers"
                        + " 127.0.0.1:9092" + System.lineSeparator());
        assertThat(CliRun.of(noEnvironment(), "generate", LATE.toString(), "--bootstrap-servers", "h:1").err())
                .isEqualTo("--bootstrap-servers needs --to-topic: give the topic to produce to"
                        + System.lineSeparator());
        assertThat(CliRun.of(noEnvironment(), "generate", LATE.toString(), "--bootstrap-servers", "h:1",
                "--to-topic", "t", "-o", "x.jsonl").err()).isEqualTo("--output and --to-topic exclude each other:"
                + " write lines to a file, or produce records to a topic" + System.lineSeparator());
        assertThat(CliRun.of(noEnvironment(), "generate", LATE.toString(), "--format", "raw", "--labels").err())
                .isEqualTo("--labels needs --format jsonl: raw lines have no room for labels" + System.lineSeparator());
        CliRun unknownFormat = CliRun.of(noEnvironment(), "generate", LATE.toString(), "--format", "csv");
        assertThat(unknownFormat.exitCode()).isEqualTo(2);
        assertThat(unknownFormat.err())
                .isEqualTo("unknown --format 'csv' — use jsonl or raw" + System.lineSeparator());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of(noEnvironment(), "generate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: flink-sql-harness generate", "--to-topic=NAME", "--labels",
                "Exit codes:", "0   the records were written", "2   bad input or usage",
                "3   Kafka or the schema registry could not be reached");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
