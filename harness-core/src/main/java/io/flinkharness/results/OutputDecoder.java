package io.flinkharness.results;

import io.flinkharness.data.RecordSchema;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.registry.SchemaRegistryClient;
import io.flinkharness.results.internal.Change;
import io.flinkharness.results.internal.TableDecoding;
import io.flinkharness.results.internal.TypedValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/**
 * Reads the records of an output topic into a typed {@link ResultTable}, in the sink table's formats, with
 * Flink's own deserializers: {@code json}, {@code avro}, {@code raw}, the changelog formats
 * {@code debezium-json}, {@code canal-json}, {@code maxwell-json} (and any other format on the classpath), and
 * {@code avro-confluent} (writer schemas fetched from the registry by the id each record carries). Key and
 * value are read as Flink's Kafka connectors read them ({@code 'key.fields'}, {@code 'key.fields-prefix'},
 * {@code 'value.fields-include'}). Immutable; every {@link #decode} uses fresh deserializers, so one decoder may
 * be shared.
 *
 * <pre>{@code
 * RecordSchema sink = RecordSchema.fromDdl("CREATE TABLE counts (...) WITH ('connector' = 'upsert-kafka', ...)");
 * List<OutputRecord> records = reader.readToEnd(topic, Duration.ofSeconds(30));
 * ResultTable counts = OutputDecoder.forTable(sink).decode(records);    // upsert: the last row per key
 * }</pre>
 *
 * <p>The kind of table by default: {@link ResultTable.Kind#UPSERT} for an {@code upsert-kafka} table (a record
 * is {@code +I} for a new key, {@code +U} after that, a tombstone {@code -D}), {@link ResultTable.Kind#RETRACT}
 * for a changelog format (the changes it carries, applied), {@link ResultTable.Kind#APPEND} otherwise.
 */
public final class OutputDecoder {
    private final RecordSchema table;
    private final Optional<SchemaRegistryClient> registry;

    private OutputDecoder(RecordSchema table, Optional<SchemaRegistryClient> registry) {
        this.table = table;
        this.registry = registry;
    }

    /**
     * A decoder for the topic of a sink table, from its {@code CREATE TABLE} ({@link RecordSchema#fromDdl}).
     *
     * @throws IllegalArgumentException for a table without a value format or with one the harness cannot read;
     *     the message lists the formats it reads
     */
    public static OutputDecoder forTable(RecordSchema sinkTable) {
        Objects.requireNonNull(sinkTable, "sinkTable cannot be null");
        OutputDecoder decoder = new OutputDecoder(sinkTable, Optional.empty());
        if (!usesConfluent(sinkTable)) {
            TableDecoding.of(sinkTable, Optional.empty());
        }
        return decoder;
    }

    /** The same decoder, fetching {@code avro-confluent} writer schemas from {@code schemaRegistry}. */
    public OutputDecoder withSchemaRegistry(SchemaRegistryClient schemaRegistry) {
        return new OutputDecoder(table, Optional.of(Objects.requireNonNull(schemaRegistry,
                "schemaRegistry cannot be null")));
    }

    /** The kind of table the sink makes: upsert for upsert-kafka, retract for changelog formats, else append. */
    public ResultTable.Kind defaultKind() {
        if ("upsert-kafka".equals(table.tableOptions().get("connector"))) {
            return ResultTable.Kind.UPSERT;
        }
        if (usesConfluent(table)) {
            return ResultTable.Kind.APPEND;
        }
        return TableDecoding.of(table, registry).valueIsChangelog() ? ResultTable.Kind.RETRACT
                : ResultTable.Kind.APPEND;
    }

    /** The table of the sink's {@link #defaultKind() default kind}. */
    public ResultTable decode(List<OutputRecord> records) {
        return decode(records, defaultKind());
    }

    /**
     * The records (in offset order per partition, as {@link io.flinkharness.kafka.ReadCommittedReader} returns
     * them) as a table of the given kind.
     *
     * @throws IllegalArgumentException naming the record (topic, partition, offset) that the format cannot read
     */
    public ResultTable decode(List<OutputRecord> records, ResultTable.Kind kind) {
        Objects.requireNonNull(records, "records cannot be null");
        Objects.requireNonNull(kind, "kind cannot be null");
        TableDecoding decoding = TableDecoding.of(table, registry);
        boolean upsert = "upsert-kafka".equals(table.tableOptions().get("connector"));
        List<ResultColumn> columns = new ArrayList<>();
        table.rowType().getFields().forEach(f -> columns.add(new ResultColumn(f.getName(), f.getType())));
        List<Change> changes = new ArrayList<>();
        Map<Object, Object[]> lastByKey = new HashMap<>();
        for (OutputRecord record : records) {
            try {
                changes.addAll(changes(decoding, record, upsert, lastByKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " of " + table.description() + ": " + e.getMessage(), e);
            }
        }
        return new ResultTable(tableName(), Optional.of("topic " + topic(records)), columns, changes, kind);
    }

    private List<Change> changes(TableDecoding decoding, OutputRecord record, boolean upsert,
                                 Map<Object, Object[]> lastByKey) {
        byte[] keyBytes = record.keyBytes();
        Object upsertKey = keyBytes == null ? null : new TypedValues.Bytes(keyBytes);
        byte[] value = record.valueBytes();
        if (value == null) {
            if (!upsert) {
                return List.of();
            }
            Object[] last = lastByKey.remove(upsertKey);
            Object[] deleted = last != null ? last : decoding.row(decoding.key(keyBytes), null);
            return List.of(new Change(RowKind.DELETE, deleted, upsertKey));
        }
        Map<String, Object> keyFields = decoding.key(keyBytes);
        List<Change> out = new ArrayList<>();
        for (RowData row : decoding.values(value)) {
            Object[] values = decoding.row(keyFields, row);
            RowKind kind = row.getRowKind();
            if (upsert) {
                kind = lastByKey.put(upsertKey, values) == null ? RowKind.INSERT : RowKind.UPDATE_AFTER;
            }
            out.add(new Change(kind, values, upsertKey));
        }
        return out;
    }

    private String tableName() {
        String description = table.description();
        return description.startsWith("table ") ? description.substring(6).split(" ")[0] : description;
    }

    private String topic(List<OutputRecord> records) {
        String topic = table.tableOptions().get("topic");
        return topic != null ? topic : records.isEmpty() ? "(no records)" : records.get(0).topic();
    }

    private static boolean usesConfluent(RecordSchema table) {
        Map<String, String> options = table.tableOptions();
        return TableDecoding.CONFLUENT.equals(options.get("format"))
                || TableDecoding.CONFLUENT.equals(options.get("value.format"))
                || TableDecoding.CONFLUENT.equals(options.get("key.format"));
    }
}
