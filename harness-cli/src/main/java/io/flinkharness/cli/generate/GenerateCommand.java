package io.flinkharness.cli.generate;

import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flink-sql-harness generate CASE.yaml --topic NAME}: the records a case's {@code generate:} section makes
 * for a topic, as JSON lines (or raw values), or produced to a topic of a real Kafka cluster. The same seed
 * gives the same bytes.
 *
 * <pre>
 * $ flink-sql-harness generate samples/cases/late-records-dropped.yaml --records 2 --labels
 * {"partition":0,"timestamp":"2026-01-01T00:00:00Z","key":null,"value":{"user_id":"user_id-11",...},"label":{...}}
 * </pre>
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes the records that a case's generate: section makes for a topic: as JSON lines (key,"
                + " value as the table's formats encode them — JSON for json, base64 for binary formats —,"
                + " timestamp and partition), or produced to an existing topic of a Kafka cluster. The same seed"
                + " gives the same bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the records were written",
                "2:bad input or usage (a missing or invalid file, a wrong option)",
                "3:Kafka or the schema registry could not be reached"})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.yaml", description = "The case file.")
    private Path caseFile;

    @Option(names = "--case", paramLabel = "NAME",
            description = "The case, in a file with several cases (cases:).")
    private String caseName;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "The topic of the generate: section (default: the only one).")
    private String topic;

    @Option(names = "--records", paramLabel = "N", description = "Generate N records instead of the case's number.")
    private Integer records;

    @Option(names = "--seed", paramLabel = "S", description = "Generate with seed S instead of the case's seed.")
    private Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-",
            description = "Where to write the lines (default: -, standard output).")
    private String output;

    @Option(names = "--format", paramLabel = "jsonl|raw", defaultValue = "jsonl",
            description = {"jsonl (default): one JSON object per record.",
                    "raw: the value as it goes to Kafka, or key<TAB>value when records have keys (text formats only;"
                            + " no timestamps or partitions)."})
    private String format;

    @Option(names = "--labels", description = "Add each record's label: arrival, event time, origin (generated,"
            + " duplicate, late ...), lateness and the watermark bounds on arrival (jsonl only).")
    private boolean labels;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "The Kafka cluster to produce to (with --to-topic).")
    private String bootstrapServers;

    @Option(names = "--to-topic", paramLabel = "NAME",
            description = "Produce the records to this existing topic instead of writing lines.")
    private String toTopic;

    @Option(names = "--schema-registry", paramLabel = "URL",
            description = "The schema registry (Confluent-compatible API) for tables in the avro-confluent format.")
    private String schemaRegistry;

    @Override
    public Integer call() {
        try {
            checkOptions();
            RecordLines lines = new RecordLines(format, labels);
            CaseChoice chosen = CaseChoice.of(caseFile, Optional.ofNullable(caseName));
            CaseGeneration generation = new CaseGeneration(caseFile, chosen.sqlCase(), chosen.index());
            String generated = generation.topic(Optional.ofNullable(topic));
            GeneratedData data = generation.generate(generated,
                    seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                    records == null ? OptionalInt.empty() : OptionalInt.of(records));
            TopicRecords encoded = generation.encode(generated, data, toTopic == null ? generated : toTopic,
                    registry());
            write(encoded, lines);
            return ExitCodes.PASSED;
        } catch (CommandException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.exitCode();
        }
    }

    private void checkOptions() {
        if ((toTopic == null) != (bootstrapServers == null)) {
            throw new CommandException(ExitCodes.BAD_INPUT, toTopic == null
                    ? "--bootstrap-servers needs --to-topic: give the topic to produce to"
                    : "--to-topic needs --bootstrap-servers: give the Kafka cluster, e.g. --bootstrap-servers"
                            + " 127.0.0.1:9092");
        }
        if (toTopic != null && !output.equals("-")) {
            throw new CommandException(ExitCodes.BAD_INPUT, "--output and --to-topic exclude each other: write lines"
                    + " to a file, or produce records to a topic");
        }
        if (records != null && records < 0) {
            throw new CommandException(ExitCodes.BAD_INPUT, "--records must not be negative, got " + records);
        }
    }

    private Optional<SchemaRegistryClient> registry() {
        if (schemaRegistry == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SchemaRegistryClient.connect(URI.create(schemaRegistry)));
        } catch (SchemaRegistryException e) {
            throw new CommandException(ExitCodes.ENVIRONMENT, "--schema-registry: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, "--schema-registry: '" + schemaRegistry
                    + "' is not a URL — give e.g. http://127.0.0.1:8081", e);
        }
    }

    private void write(TopicRecords encoded, RecordLines lines) {
        if (toTopic != null) {
            new KafkaTarget(bootstrapServers, toTopic).produce(encoded);
            spec.commandLine().getOut().println("produced to topic '" + toTopic + "' on " + bootstrapServers + ": "
                    + encoded.data().summary());
            return;
        }
        lines.checkFormats(encoded);
        try {
            if (output.equals("-")) {
                lines.write(encoded, spec.commandLine().getOut());
            } else {
                try (Writer out = Files.newBufferedWriter(Path.of(output))) {
                    lines.write(encoded, out);
                }
                spec.commandLine().getOut().println("wrote " + output + ": " + encoded.data().summary());
            }
        } catch (IOException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, "cannot write " + output + ": " + e, e);
        }
    }
}
