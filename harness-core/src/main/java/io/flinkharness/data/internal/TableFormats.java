package io.flinkharness.data.internal;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;

/**
 * Picks the encoder of a table's key or value from its options, as Flink's Kafka connectors do: the format
 * ({@code 'format'}, {@code 'value.format'}, {@code 'key.format'}) with its own options (prefixed by the format
 * name, e.g. {@code 'value.json.encode.decimal-as-plain-number'}), the key fields ({@code 'key.fields'} or the
 * primary key) with {@code 'key.fields-prefix'} removed, and the value without the key fields under
 * {@code 'value.fields-include' = 'EXCEPT_KEY'}. Not part of the public API.
 */
public final class TableFormats {
    /** Formats encoded by Flink's own serializers. */
    public static final Set<String> FLINK_FORMATS = Set.of("json", "avro", "raw");
    public static final String CONFLUENT = "avro-confluent";

    private TableFormats() {
    }

    /** Flink's serializer for {@code format}, configured by the options under {@code optionPrefix}. */
    public static RecordEncoder flinkFormat(String format, Map<String, String> options, String optionPrefix,
                                            RowType rowType, List<String> structFields) {
        RowType notNull = (RowType) rowType.copy(false);
        SerializationFormatFactory factory = FactoryUtil.discoverFactory(TableFormats.class.getClassLoader(),
                SerializationFormatFactory.class, format);
        SerializationSchema<RowData> serializer;
        try {
            serializer = factory.createEncodingFormat(null,
                            new DelegatingConfiguration(Configuration.fromMap(options), optionPrefix))
                    .createRuntimeEncoder(null, TypeConversions.fromLogicalToDataType(notNull));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Flink's '" + format + "' format cannot write " + notNull
                    .asSummaryString() + ": " + e.getMessage() + hint(format, e), e);
        }
        return new FlinkRowEncoder(format, RowDataConverter.of(notNull, structFields), serializer);
    }

    private static String hint(String format, RuntimeException e) {
        boolean ltz = String.valueOf(e.getMessage()).contains("TIMESTAMP_LTZ")
                || String.valueOf(e.getMessage()).contains("TIMESTAMP(3) WITH LOCAL TIME ZONE");
        return format.equals("avro") && ltz ? " — Flink's 'avro' format writes TIMESTAMP_LTZ only without the"
                + " legacy timestamp mapping: set 'avro.timestamp_mapping.legacy' = 'false' on the table (with"
                + " 'value.format' = 'avro': 'value.avro.timestamp_mapping.legacy')" : "";
    }

    /** The value encoder of a table. */
    public static RecordEncoder value(RecordSchema table, Optional<RecordEncoders.SchemaIds> ids) {
        Map<String, String> options = table.tableOptions();
        boolean prefixed = options.containsKey("value.format");
        String format = prefixed ? options.get("value.format") : options.get("format");
        if (format == null) {
            throw new IllegalArgumentException(table.description() + ": no 'format' or 'value.format' option —"
                    + " give the table a format (supported: " + supported() + ")");
        }
        List<String> fields = new ArrayList<>(table.fieldNames());
        if (table.valueExcludesKey()) {
            fields.removeAll(table.keyFields());
        }
        RowType rowType = project(table.rowType(), fields, fields);
        return encoder(table, format, prefixed ? "value." + format + "." : format + ".", rowType, fields, ids,
                "value");
    }

    /** The key encoder of a table. */
    public static RecordEncoder key(RecordSchema table, Optional<RecordEncoders.SchemaIds> ids) {
        Map<String, String> options = table.tableOptions();
        if (table.keyFields().isEmpty()) {
            throw new IllegalArgumentException(table.description() + ": the table has no key fields — records"
                    + " have no key ('key.fields', or the PRIMARY KEY of an upsert-kafka table, declare one)");
        }
        String format = options.get("key.format");
        if (format == null) {
            throw new IllegalArgumentException(table.description() + ": key fields " + table.keyFields()
                    + " but no 'key.format' option — give the key a format (supported: " + supported() + ")");
        }
        String prefix = options.getOrDefault("key.fields-prefix", "");
        List<String> names = new ArrayList<>();
        for (String field : table.keyFields()) {
            names.add(field.startsWith(prefix) ? field.substring(prefix.length()) : field);
        }
        RowType rowType = project(table.rowType(), table.keyFields(), names);
        return encoder(table, format, "key." + format + ".", rowType, table.keyFields(), ids, "key");
    }

    private static RecordEncoder encoder(RecordSchema table, String format, String optionPrefix, RowType rowType,
                                         List<String> structFields, Optional<RecordEncoders.SchemaIds> ids,
                                         String part) {
        if (FLINK_FORMATS.contains(format)) {
            return flinkFormat(format, table.tableOptions(), optionPrefix, rowType, structFields);
        }
        if (format.equals(CONFLUENT) && ids.isPresent()) {
            return confluent(table, optionPrefix, rowType, structFields, ids.get(), part);
        }
        if (format.equals(CONFLUENT)) {
            throw new IllegalArgumentException(table.description() + ": the " + part + " format 'avro-confluent'"
                    + " needs the schema id the registry assigns — use RecordEncoders.forTable(schema, ids) with a"
                    + " SchemaIds that registers the schema, or RecordEncoders.avroConfluent(id, schema, rowType)");
        }
        throw new IllegalArgumentException(table.description() + ": the " + part + " format '" + format
                + "' is not supported by the harness's encoders; supported: " + supported());
    }

    private static RecordEncoder confluent(RecordSchema table, String optionPrefix, RowType rowType,
                                           List<String> structFields, RecordEncoders.SchemaIds ids, String part) {
        Map<String, String> options = table.tableOptions();
        String subject = options.get(optionPrefix + "subject");
        if (subject == null) {
            String topic = options.get("topic");
            if (topic == null) {
                throw new IllegalArgumentException(table.description() + ": no '" + optionPrefix + "subject' and no"
                        + " 'topic' to name the registry subject after — set '" + optionPrefix + "subject'");
            }
            subject = topic + "-" + part;
        }
        String declared = options.get(optionPrefix + "schema");
        Schema writer = declared != null ? new Schema.Parser().parse(declared)
                : AvroSchemaConverter.convertToSchema(rowType.copy(false));
        int id = ids.idFor(subject, writer);
        return new RenamingEncoder(new AvroBinaryEncoder(writer, AvroBinaryEncoder.confluentHeader(id)),
                structFields, rowType.getFieldNames());
    }

    /** The fields named (physical columns of the table), renamed to {@code names}. */
    private static RowType project(RowType rowType, List<String> fields, List<String> names) {
        List<RowType.RowField> projected = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            int index = rowType.getFieldIndex(fields.get(i));
            projected.add(new RowType.RowField(names.get(i), rowType.getTypeAt(index)));
        }
        return new RowType(false, projected);
    }

    public static String supported() {
        Set<String> all = new TreeSet<>(FLINK_FORMATS);
        all.add(CONFLUENT + " (with a schema id)");
        return String.join(", ", all);
    }
}
