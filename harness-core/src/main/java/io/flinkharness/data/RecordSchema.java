package io.flinkharness.data;

import io.flinkharness.data.internal.DdlSchemaReader;
import io.flinkharness.registry.RegisteredSchema;
import io.flinkharness.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The shape of the records to generate, from a schema the user already has: an Avro schema or a Flink
 * {@code CREATE TABLE} statement. Holds the fields as Flink types, and what the source tells about time and keys
 * (event-time field, declared watermark, key fields).
 *
 * <pre>{@code
 * RecordSchema clicks = RecordSchema.fromAvro(Path.of("src/test/resources/click.avsc"));
 * }</pre>
 *
 * @param description where the schema came from, for messages ({@code "Avro schema com.acme.Click"})
 * @param rowType every physical field, in order
 * @param avroSchema the Avro schema, when the schema is one (its logical types and enums guide generation)
 * @param eventTimeField the field holding the event time, if the source declares one
 * @param watermark the watermark the source declares, if any
 * @param keyFields the fields that form the Kafka record key (empty: records have no key)
 * @param valueExcludesKey whether the value leaves out the key fields ({@code 'value.fields-include' = 'EXCEPT_KEY'})
 * @param tableOptions the table's {@code WITH} options (empty unless from DDL)
 */
public record RecordSchema(
        String description,
        RowType rowType,
        Optional<Schema> avroSchema,
        Optional<String> eventTimeField,
        Optional<DeclaredWatermark> watermark,
        List<String> keyFields,
        boolean valueExcludesKey,
        Map<String, String> tableOptions) {

    public RecordSchema {
        Objects.requireNonNull(description, "description cannot be null");
        Objects.requireNonNull(rowType, "rowType cannot be null");
        Objects.requireNonNull(avroSchema, "avroSchema cannot be null");
        Objects.requireNonNull(eventTimeField, "eventTimeField cannot be null");
        Objects.requireNonNull(watermark, "watermark cannot be null");
        keyFields = List.copyOf(keyFields);
        tableOptions = Map.copyOf(tableOptions);
        for (String key : keyFields) {
            if (!rowType.getFieldNames().contains(key)) {
                throw new IllegalArgumentException(description + ": key field '" + key + "' is not one of "
                        + rowType.getFieldNames());
            }
        }
        eventTimeField.ifPresent(f -> {
            if (!rowType.getFieldNames().contains(f)) {
                throw new IllegalArgumentException(description + ": event-time field '" + f + "' is not one of "
                        + rowType.getFieldNames());
            }
        });
    }

    /** The schema of an Avro record schema given as JSON text. */
    public static RecordSchema fromAvro(String avroSchemaJson) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(avroSchemaJson);
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException("invalid Avro schema: " + e.getMessage()
                    + " — fix the schema JSON (https://avro.apache.org/docs/current/specification/)", e);
        }
        return fromAvro(schema, "Avro schema " + schema.getFullName());
    }

    /** The schema of an {@code .avsc} file. */
    public static RecordSchema fromAvro(Path avscFile) {
        String json;
        try {
            json = Files.readString(avscFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read Avro schema file " + avscFile + ": " + e, e);
        }
        try {
            Schema schema = new Schema.Parser().parse(json);
            return fromAvro(schema, avscFile.getFileName() + " (Avro " + schema.getFullName() + ")");
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException(avscFile + ": invalid Avro schema: " + e.getMessage(), e);
        }
    }

    /** The schema registered latest under a subject of a schema registry (Confluent-compatible API). */
    public static RecordSchema fromRegistry(SchemaRegistryClient registry, String subject) {
        return fromRegistered(registry, registry.latest(subject));
    }

    /** The schema registered under a subject in a given version. */
    public static RecordSchema fromRegistry(SchemaRegistryClient registry, String subject, int version) {
        return fromRegistered(registry, registry.version(subject, version));
    }

    private static RecordSchema fromRegistered(SchemaRegistryClient registry, RegisteredSchema registered) {
        String where = "subject '" + registered.subject() + "' version " + registered.version() + " (id "
                + registered.id() + ") in " + registry.url();
        try {
            return fromAvro(new Schema.Parser().parse(registered.schema()), where);
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException(where + " is not an Avro schema: " + e.getMessage(), e);
        }
    }

    /** The schema of a parsed Avro record schema. */
    public static RecordSchema fromAvro(Schema schema, String description) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(description + ": expected an Avro record schema, got "
                    + schema.getType() + " — wrap the value in a record");
        }
        LogicalType type = AvroSchemaConverter.convertToDataType(schema.toString(), false).getLogicalType();
        return new RecordSchema(description, (RowType) type, Optional.of(schema), Optional.empty(),
                Optional.empty(), List.of(), false, Map.of());
    }

    /**
     * The schema of a Flink {@code CREATE TABLE} statement, resolved by Flink itself (parser and validator, nothing
     * is executed): the physical columns in order and with their exact types, the event-time field, the declared
     * watermark, the Kafka key fields and the {@code WITH} options. Placeholders such as {@code ${topic.clicks}}
     * inside option values are kept as written.
     *
     * <ul>
     *   <li>event-time field: the rowtime column if it is physical; if it is computed from exactly one physical
     *       column ({@code ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3)}), that column; if it is the Kafka record timestamp
     *       ({@code METADATA FROM 'timestamp'}), none (event time goes into the record timestamp only).</li>
     *   <li>watermark: {@code rowtime - INTERVAL 'n' UNIT} (any day-time unit or range) or plain {@code rowtime}
     *       (no delay); on-event emission when {@code 'scan.watermark.emit.strategy' = 'on-event'}, else periodic.
     *       Any other watermark expression is an error that says how to declare the delay instead: a schema
     *       with a wrong watermark would label late records wrongly.</li>
     *   <li>key fields: {@code 'key.fields'}, or the PRIMARY KEY of an {@code upsert-kafka} table;
     *       {@code valueExcludesKey} from {@code 'value.fields-include' = 'EXCEPT_KEY'}.</li>
     * </ul>
     *
     * <pre>{@code
     * RecordSchema clicks = RecordSchema.fromDdl("""
     *     CREATE TABLE clicks (user_id STRING, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
     *     WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}', 'format' = 'json')""");
     * }</pre>
     *
     * <p>The first call in a JVM loads Flink's planner (about 1.5 s, shared with any other in-process Flink SQL);
     * later calls take milliseconds.
     *
     * @param createTableStatement one CREATE TABLE statement (a trailing semicolon is fine)
     * @throws IllegalArgumentException for anything but one CREATE TABLE, a statement Flink rejects (with
     *     Flink's message and the line and column), a {@code LIKE} clause, or a rowtime or watermark the
     *     harness cannot follow; the message names the fix
     */
    public static RecordSchema fromDdl(String createTableStatement) {
        Objects.requireNonNull(createTableStatement, "createTableStatement cannot be null");
        return DdlSchemaReader.read(createTableStatement, "the DDL given to RecordSchema.fromDdl", Optional.empty(),
                Optional.empty());
    }

    /**
     * The schema of the one CREATE TABLE statement in a SQL file (other statements, e.g. {@code SET} or
     * {@code INSERT}, are skipped); see {@link #fromDdl(String)}.
     */
    public static RecordSchema fromDdl(Path sqlFile) {
        return fromDdlFile(sqlFile, Optional.empty());
    }

    /** The schema of the table {@code tableName} declared in a SQL file; see {@link #fromDdl(String)}. */
    public static RecordSchema fromDdl(Path sqlFile, String tableName) {
        return fromDdlFile(sqlFile, Optional.of(Objects.requireNonNull(tableName, "tableName cannot be null")));
    }

    private static RecordSchema fromDdlFile(Path sqlFile, Optional<String> tableName) {
        String sql;
        try {
            sql = Files.readString(sqlFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SQL file " + sqlFile + ": " + e, e);
        }
        String name = String.valueOf(sqlFile.getFileName());
        return DdlSchemaReader.read(sql, name, Optional.of(name), tableName);
    }

    public List<String> fieldNames() {
        return rowType.getFieldNames();
    }

    public RecordSchema withEventTimeField(String field) {
        return new RecordSchema(description, rowType, avroSchema, Optional.of(field), watermark, keyFields,
                valueExcludesKey, tableOptions);
    }

    public RecordSchema withWatermark(DeclaredWatermark declared) {
        return new RecordSchema(description, rowType, avroSchema, eventTimeField, Optional.of(declared), keyFields,
                valueExcludesKey, tableOptions);
    }

    public RecordSchema withKeyFields(List<String> fields) {
        return new RecordSchema(description, rowType, avroSchema, eventTimeField, watermark, fields,
                valueExcludesKey, tableOptions);
    }
}
