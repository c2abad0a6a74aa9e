package io.flinkharness.cli.generate;

import io.flinkharness.internal.Suggestions;
import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratorException;
import io.flinkharness.data.GeneratorSpecException;
import io.flinkharness.data.GeneratorSpecs;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.registry.SchemaRegistryException;
import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Generates the records of one topic of a loaded case again, from its {@code generate:} section, with an optional
 * other seed or record count, and encodes them in the formats of the topic's table. Without overrides the
 * records are exactly those the case writes when it runs.
 */
final class CaseGeneration {
    private final Path file;
    private final SqlCase sqlCase;
    private final OptionalInt caseIndex;

    /**
     * @param caseIndex the case's index in {@code cases:} for a file with several cases
     */
    CaseGeneration(Path file, SqlCase sqlCase, OptionalInt caseIndex) {
        this.file = file;
        this.sqlCase = sqlCase;
        this.caseIndex = caseIndex;
    }

    /** The topic to generate: the one given, or the only one the case generates. */
    String topic(Optional<String> given) {
        Map<String, GeneratedData> generated = sqlCase.generated();
        if (generated.isEmpty()) {
            throw new CommandException(ExitCodes.BAD_INPUT, file + ": the case has no generate: section, so there are"
                    + " no records to generate — add one for an input topic (see"
                    + " samples/cases/late-records-dropped.yaml)");
        }
        if (given.isEmpty() && generated.size() > 1) {
            throw new CommandException(ExitCodes.BAD_INPUT, file + ": the case generates records for several topics"
                    + " — give --topic with one of: " + String.join(", ", generated.keySet()));
        }
        String topic = given.orElse(generated.keySet().iterator().next());
        if (!generated.containsKey(topic)) {
            throw new CommandException(ExitCodes.BAD_INPUT, file + ": the case generates no records for topic '" + topic
                    + "' — " + Suggestions.didYouMean(topic, generated.keySet(), "generated topics"));
        }
        return topic;
    }

    GeneratedData generate(String topic, OptionalLong seed, OptionalInt records) {
        String where = file + ": generate." + topic;
        try {
            DataGenerator generator = GeneratorSpecs.toGenerator(GeneratorSpecReader.read(file, caseIndex, topic),
                    io.flinkharness.cases.CaseFiles.schemaResolver(file, sqlCase.ddl()), sqlCase.topics().get(topic));
            if (seed.isPresent()) {
                generator = generator.seed(seed.getAsLong());
            }
            if (records.isPresent()) {
                generator = generator.records(records.getAsInt());
            }
            return generator.generate();
        } catch (GeneratorSpecException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, where + "." + e.path() + ": " + e.problem()
                    + (e.fix().isEmpty() ? "" : " — " + e.fix()), e);
        } catch (GeneratorException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, where + overrides(seed, records) + ": "
                    + String.join("; ", e.problems()), e);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, where + overrides(seed, records) + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The records as Kafka records, in the formats of the topic's table; {@code ${topic.NAME}} in its options
     * becomes {@code targetTopic} (so an avro-confluent subject names it) and {@code ${schema.registry.url}} the
     * registry's URL.
     */
    TopicRecords encode(String topic, GeneratedData data, String targetTopic, Optional<SchemaRegistryClient> registry) {
        RecordSchema schema = resolved(data.schema(), topic, targetTopic, registry);
        Optional<RecordEncoders.SchemaIds> ids = registry.map(r -> (subject, avro) -> r.register(subject,
                avro.toString()));
        GeneratedData resolved = new GeneratedData(data.seed(), schema, data.partitions(), data.records());
        try {
            return new TopicRecords(topic, data, resolved.toTestRecords(RecordEncoders.defaultFor(schema, ids),
                    RecordEncoders.defaultKeyFor(schema, ids)), keyFormat(schema), valueFormat(schema));
        } catch (SchemaRegistryException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, file + ": topic '" + topic + "': the schema registry did"
                    + " not take the schema: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            String format = valueFormat(schema) + " " + keyFormat(schema);
            throw new CommandException(ExitCodes.BAD_INPUT, file + ": topic '" + topic + "': " + (registry.isEmpty()
                    && format.contains("avro-confluent") ? "the avro-confluent format writes the schema id a"
                    + " registry assigns — give --schema-registry URL (the registry's Confluent-compatible API)"
                    : e.getMessage()), e);
        }
    }

    private static String overrides(OptionalLong seed, OptionalInt records) {
        String text = (seed.isPresent() ? " --seed " + seed.getAsLong() : "")
                + (records.isPresent() ? " --records " + records.getAsInt() : "");
        return text.isEmpty() ? "" : " (with" + text + ")";
    }

    private static RecordSchema resolved(RecordSchema schema, String topic, String targetTopic,
            Optional<SchemaRegistryClient> registry) {
        Map<String, String> options = new LinkedHashMap<>();
        schema.tableOptions().forEach((key, value) -> {
            String v = value.replace("${topic." + topic + "}", targetTopic);
            options.put(key, registry.map(r -> v.replace("${schema.registry.url}", r.url().toString())).orElse(v));
        });
        return new RecordSchema(schema.description(), schema.rowType(), schema.avroSchema(), schema.eventTimeField(),
                schema.watermark(), schema.keyFields(), schema.valueExcludesKey(), options);
    }

    static String valueFormat(RecordSchema schema) {
        Map<String, String> options = schema.tableOptions();
        String format = options.getOrDefault("value.format", options.get("format"));
        return format != null ? format : schema.avroSchema().isPresent() ? "avro" : "json";
    }

    static String keyFormat(RecordSchema schema) {
        return schema.keyFields().isEmpty() ? "" : schema.tableOptions().getOrDefault("key.format", "json");
    }
}
