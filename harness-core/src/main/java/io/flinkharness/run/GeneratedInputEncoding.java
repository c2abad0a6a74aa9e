package io.flinkharness.run;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.registry.SchemaRegistryClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes a case's generated input when it runs: placeholders in the table options are resolved first (so
 * registry subjects name the real topic), and {@code avro-confluent} schemas are registered in the registry.
 */
final class GeneratedInputEncoding {
    private GeneratedInputEncoding() {
    }

    static List<TestRecord> encode(GeneratedData data, Map<String, String> placeholders,
            Optional<SchemaRegistryClient> registry) {
        RecordSchema schema = resolved(data.schema(), placeholders);
        Optional<RecordEncoders.SchemaIds> ids = registry.map(r -> (subject, avro) -> r.register(subject,
                avro.toString()));
        return new GeneratedData(data.seed(), schema, data.partitions(), data.records())
                .toTestRecords(RecordEncoders.defaultFor(schema, ids), RecordEncoders.defaultKeyFor(schema, ids));
    }

    private static RecordSchema resolved(RecordSchema schema, Map<String, String> placeholders) {
        Placeholders known = new Placeholders(placeholders);
        Map<String, String> options = new LinkedHashMap<>();
        schema.tableOptions().forEach((key, value) -> options.put(key, known.replaceKnown(value)));
        return new RecordSchema(schema.description(), schema.rowType(), schema.avroSchema(), schema.eventTimeField(),
                schema.watermark(), schema.keyFields(), schema.valueExcludesKey(), options);
    }
}
