package io.flinkharness.run;

import io.flinkharness.data.GeneratedData;
import java.util.Map;

/** Whether a case needs a schema registry and the {@code avro-confluent} format jar. */
final class SchemaRegistryNeeds {
    static final String URL_PLACEHOLDER = "${schema.registry.url}";
    private static final String FORMAT = "avro-confluent";

    private SchemaRegistryNeeds() {
    }

    /** The DDL names the registry, or generated input is written in the registry's wire format. */
    static boolean of(SqlCase c) {
        return c.ddl().contains(URL_PLACEHOLDER) || c.dml().contains(URL_PLACEHOLDER)
                || c.generated().values().stream().anyMatch(SchemaRegistryNeeds::writesAvroConfluent);
    }

    /** The case's SQL uses the {@code avro-confluent} format, or a registry. */
    static boolean avroConfluent(SqlCase c) {
        return c.ddl().contains(FORMAT) || of(c);
    }

    static boolean writesAvroConfluent(GeneratedData data) {
        Map<String, String> options = data.schema().tableOptions();
        return FORMAT.equals(options.get("format")) || FORMAT.equals(options.get("value.format"))
                || FORMAT.equals(options.get("key.format"));
    }
}
