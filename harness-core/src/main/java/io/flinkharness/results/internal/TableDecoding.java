package io.flinkharness.results.internal;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * The decoders of a sink table's Kafka key and value, picked from its options as Flink's Kafka connectors pick
 * them ({@code 'format'} or {@code 'value.format'}, {@code 'key.format'} over {@code 'key.fields'} or an
 * upsert-kafka primary key with {@code 'key.fields-prefix'} removed, the value without the key fields under
 * {@code 'value.fields-include' = 'EXCEPT_KEY'}), and the assembly of a whole row from key and value. Not
 * thread-safe. Not part of the public API.
 */
public final class TableDecoding {
    public static final String CONFLUENT = "avro-confluent";

    private final RecordSchema table;
    private final List<String> valueFields;
    private final RowType valueType;
    private final FormatDecoder value;
    private final Optional<RowType> keyType;
    private final Optional<FormatDecoder> key;

    private TableDecoding(RecordSchema table, Optional<SchemaRegistryClient> registry) {
        this.table = table;
        Map<String, String> options = table.tableOptions();
        boolean prefixed = options.containsKey("value.format");
        String format = prefixed ? options.get("value.format") : options.get("format");
        if (format == null) {
            throw new IllegalArgumentException(table.description() + ": no 'format' or 'value.format' option —"
                    + " the harness reads a topic in its sink table's format");
        }
        valueFields = new ArrayList<>(table.fieldNames());
        if (table.valueExcludesKey()) {
            valueFields.removeAll(table.keyFields());
        }
        valueType = project(table.rowType(), valueFields, valueFields);
        value = decoder(format, prefixed ? "value." + format + "." : format + ".", valueType, registry, "value");
        String keyFormat = options.get("key.format");
        if (table.keyFields().isEmpty() || keyFormat == null) {
            keyType = Optional.empty();
            key = Optional.empty();
        } else {
            String prefix = options.getOrDefault("key.fields-prefix", "");
            List<String> names = table.keyFields().stream()
                    .map(f -> f.startsWith(prefix) ? f.substring(prefix.length()) : f).toList();
            keyType = Optional.of(project(table.rowType(), table.keyFields(), names));
            key = Optional.of(decoder(keyFormat, "key." + keyFormat + ".", keyType.get(), registry, "key"));
        }
    }

    /**
     * @throws IllegalArgumentException for a table without a value format, a format that is not on the classpath
     *     (the message lists those that are), or {@code avro-confluent} without a registry
     */
    public static TableDecoding of(RecordSchema table, Optional<SchemaRegistryClient> registry) {
        return new TableDecoding(table, registry);
    }

    private FormatDecoder decoder(String format, String optionPrefix, RowType rowType,
                                  Optional<SchemaRegistryClient> registry, String part) {
        if (format.equals(CONFLUENT)) {
            SchemaRegistryClient client = registry.orElseThrow(() -> new IllegalArgumentException(
                    table.description() + ": the " + part + " format 'avro-confluent' names its writer schema by"
                            + " an id of the schema registry the records were written through — give"
                            + " OutputDecoder.withSchemaRegistry(registry)"));
            String declared = table.tableOptions().get(optionPrefix + "schema");
            Schema reader = declared != null ? new Schema.Parser().parse(declared)
                    : AvroSchemaConverter.convertToSchema(rowType);
            return new ConfluentAvroDecoder(client, reader, rowType);
        }
        try {
            return FlinkFormatDecoder.of(format, table.tableOptions(), optionPrefix, rowType);
        } catch (org.apache.flink.table.api.ValidationException e) {
            throw new IllegalArgumentException(table.description() + ": the " + part + " format '" + format
                    + "' cannot be read: " + Causes.of(e) + " — formats the harness reads: " + readable(), e);
        }
    }

    /** The formats on the classpath (factories that cannot be loaded left out), and avro-confluent. */
    public static String readable() {
        Set<String> names = new TreeSet<>();
        var factories = java.util.ServiceLoader.load(org.apache.flink.table.factories.Factory.class,
                TableDecoding.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!factories.hasNext()) {
                    break;
                }
                if (factories.next() instanceof DeserializationFormatFactory format) {
                    names.add(format.factoryIdentifier());
                }
            } catch (java.util.ServiceConfigurationError | LinkageError unloadable) {
                // a factory whose dependencies are not on the classpath: it cannot read anything here
            }
        }
        names.add(CONFLUENT + " (with a schema registry)");
        return String.join(", ", names);
    }

    private static RowType project(RowType rowType, List<String> fields, List<String> names) {
        List<RowType.RowField> projected = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            projected.add(new RowType.RowField(names.get(i), rowType.getTypeAt(rowType.getFieldIndex(fields.get(i)))));
        }
        return new RowType(false, projected);
    }

    public boolean valueIsChangelog() {
        return value.isChangelog();
    }

    public List<RowData> values(byte[] message) {
        return value.decode(message);
    }

    /** The key's field values by table column name, or an empty map if the table has no key format. */
    public Map<String, Object> key(byte[] message) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        if (key.isEmpty() || message == null) {
            return fields;
        }
        List<RowData> rows = key.get().decode(message);
        if (rows.isEmpty()) {
            return fields;
        }
        Object[] values = JavaValues.fields(rows.get(0), keyType.get());
        for (int i = 0; i < values.length; i++) {
            fields.put(table.keyFields().get(i), values[i]);
        }
        return fields;
    }

    /** A whole row in column order: the value's fields, and the key's for columns the value leaves out. */
    public Object[] row(Map<String, Object> keyFields, RowData valueRow) {
        Object[] fromValue = valueRow == null ? new Object[0] : JavaValues.fields(valueRow, valueType);
        List<String> columns = table.fieldNames();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int v = valueRow == null ? -1 : valueFields.indexOf(columns.get(i));
            row[i] = v >= 0 ? fromValue[v] : keyFields.get(columns.get(i));
        }
        return row;
    }
}
