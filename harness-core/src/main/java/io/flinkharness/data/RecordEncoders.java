package io.flinkharness.data;

import io.flinkharness.data.internal.AvroBinaryEncoder;
import io.flinkharness.data.internal.TableFormats;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.types.logical.RowType;

/**
 * Encoders that turn {@link Struct}s into the bytes Flink's formats read, byte for byte as a Flink job with the
 * same table would write them: {@code json} and {@code avro} use Flink's own serializers, so every type, option
 * and corner (timestamp text, decimals, base64 bytes, nulls) is Flink's.
 *
 * <pre>{@code
 * RecordSchema clicks = RecordSchema.fromDdl(Path.of("clicks.sql"));
 * RecordEncoder value = RecordEncoders.forTable(clicks);          // from 'format' / 'value.format'
 * byte[] bytes = value.encode(click);
 * TestRecord record = TestRecord.ofBytes(null, bytes, timestamp);
 * }</pre>
 *
 * <p>Struct values by SQL type: CHAR/VARCHAR {@code String}, BOOLEAN {@code Boolean}, TINYINT {@code Byte},
 * SMALLINT {@code Short}, INT {@code Integer}, BIGINT {@code Long}, FLOAT {@code Float}, DOUBLE {@code Double},
 * DECIMAL {@code BigDecimal}, BINARY/VARBINARY/BYTES {@code byte[]}, DATE {@code LocalDate}, TIME
 * {@code LocalTime}, TIMESTAMP {@code LocalDateTime}, TIMESTAMP_LTZ {@code Instant}, ARRAY {@code List}, MAP
 * {@code Map}, MULTISET {@code Map} of counts, ROW {@code Struct}, or null. A value of another Java type is an
 * {@link IllegalArgumentException} naming the field path ({@code address.zip}, {@code tags[2]},
 * {@code attrs["k"]}), the type and the value. Nested structs are read by field name, so a struct may hold
 * more fields than an encoder writes. Timestamps and times are cut to the declared precision.
 *
 * <p>Encoders reuse their buffers and serializers: an encoder is not thread-safe, create one per thread.
 */
public final class RecordEncoders {
    private RecordEncoders() {
    }

    /**
     * A registry lookup for {@code avro-confluent} tables: the id under which {@code schema} is (or gets)
     * registered for {@code subject}.
     */
    @FunctionalInterface
    public interface SchemaIds {
        int idFor(String subject, Schema schema);
    }

    /**
     * Flink's {@code json} format with its default options: timestamps as {@code 2024-01-01 12:00:00.5} (SQL
     * standard), TIMESTAMP_LTZ with a {@code Z}, decimals as JSON numbers, bytes in base64, rows as objects.
     */
    public static RecordEncoder json(RowType rowType) {
        return TableFormats.flinkFormat("json", Map.of(), "json.", rowType, rowType.getFieldNames());
    }

    /**
     * Flink's {@code avro} format with its default options, writing with the schema Flink derives from the row
     * type ({@link #avroSchemaOf(RowType)}). With the default legacy timestamp mapping Flink's avro format has
     * no TIMESTAMP_LTZ; tables that need one set {@code 'avro.timestamp_mapping.legacy' = 'false'}: use
     * {@link #forTable(RecordSchema)} for them.
     */
    public static RecordEncoder avro(RowType rowType) {
        return TableFormats.flinkFormat("avro", Map.of(), "avro.", rowType, rowType.getFieldNames());
    }

    /**
     * Avro binary written with the user's own schema, as {@code GenericDatumWriter} writes it, honouring its
     * logical types (timestamp-millis/micros from {@code Instant}, local-timestamp-millis/micros from
     * {@code LocalDateTime}, date, time-millis/micros, decimal as bytes or fixed, uuid as string) and enum
     * symbols (given as {@code String}). Record fields are matched by name; a field missing from the struct
     * takes the schema's default.
     *
     * @param rowType the shape of the structs; every field must be in the schema
     */
    public static RecordEncoder avro(Schema userSchema, RowType rowType) {
        checkCovers(userSchema, rowType);
        return new AvroBinaryEncoder(userSchema, new byte[0]);
    }

    /**
     * Confluent's wire format, as Flink's {@code avro-confluent} format reads it: magic byte 0, the schema id as
     * 4 bytes big-endian, then Avro binary written with {@code writerSchema} (see {@link #avro(Schema, RowType)}).
     *
     * @param schemaId the id the schema registry gave {@code writerSchema}
     */
    public static RecordEncoder avroConfluent(int schemaId, Schema writerSchema, RowType rowType) {
        checkCovers(writerSchema, rowType);
        return new AvroBinaryEncoder(writerSchema, AvroBinaryEncoder.confluentHeader(schemaId));
    }

    /**
     * The Avro schema Flink's {@code avro} format derives from a row type, with its default legacy timestamp
     * mapping ({@code legacyTimestampMapping = true}: TIMESTAMP as timestamp-millis, no TIMESTAMP_LTZ) or without
     * it (TIMESTAMP as local-timestamp-*, TIMESTAMP_LTZ as timestamp-*).
     */
    public static Schema avroSchemaOf(RowType rowType, boolean legacyTimestampMapping) {
        try {
            return AvroSchemaConverter.convertToSchema(rowType.copy(false), legacyTimestampMapping);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Flink derives no Avro schema for " + rowType.asSummaryString() + ": "
                    + e.getMessage() + (legacyTimestampMapping && rowType.asSummaryString().contains("TIMESTAMP_LTZ")
                    ? " — TIMESTAMP_LTZ needs legacyTimestampMapping = false" : ""), e);
        }
    }

    /**
     * The encoder of a table's Kafka record value, from its options: {@code 'format'} or {@code 'value.format'}
     * ({@code json}, {@code avro}, {@code raw}) with the format's own options, leaving out the key fields when
     * {@code 'value.fields-include' = 'EXCEPT_KEY'}. It takes whole records and picks the fields it writes.
     *
     * @throws IllegalArgumentException for a table without a format or with a format the harness cannot
     *     encode (the message lists the supported ones)
     */
    public static RecordEncoder forTable(RecordSchema table) {
        return TableFormats.value(Objects.requireNonNull(table, "table cannot be null"), Optional.empty());
    }

    /** As {@link #forTable(RecordSchema)}, also for {@code avro-confluent}, with ids from the registry. */
    public static RecordEncoder forTable(RecordSchema table, SchemaIds ids) {
        return TableFormats.value(Objects.requireNonNull(table, "table cannot be null"),
                Optional.of(Objects.requireNonNull(ids, "ids cannot be null")));
    }

    /**
     * The encoder of a table's Kafka record key: {@code 'key.format'} over the key fields ({@code 'key.fields'}
     * or an upsert-kafka primary key), named without {@code 'key.fields-prefix'}. It takes whole records.
     *
     * @throws IllegalArgumentException for a table without key fields or key format
     */
    public static RecordEncoder forTableKey(RecordSchema table) {
        return TableFormats.key(Objects.requireNonNull(table, "table cannot be null"), Optional.empty());
    }

    /** As {@link #forTableKey(RecordSchema)}, also for {@code avro-confluent}, with ids from the registry. */
    public static RecordEncoder forTableKey(RecordSchema table, SchemaIds ids) {
        return TableFormats.key(Objects.requireNonNull(table, "table cannot be null"),
                Optional.of(Objects.requireNonNull(ids, "ids cannot be null")));
    }

    /**
     * The value encoder a schema implies: the table's format when the schema comes from DDL with a format option,
     * the Avro schema itself when it is one, else Flink's {@code json}. {@code avro-confluent} needs {@code ids}.
     */
    public static RecordEncoder defaultFor(RecordSchema schema, Optional<SchemaIds> ids) {
        Map<String, String> options = schema.tableOptions();
        if (options.containsKey("format") || options.containsKey("value.format")) {
            return TableFormats.value(schema, ids);
        }
        if (schema.avroSchema().isPresent()) {
            return avro(schema.avroSchema().get(), schema.rowType());
        }
        return json(schema.rowType());
    }

    /**
     * The key encoder a schema implies, if it has key fields: the table's {@code 'key.format'}, else Flink's
     * {@code json} over the key fields.
     */
    public static Optional<RecordEncoder> defaultKeyFor(RecordSchema schema, Optional<SchemaIds> ids) {
        if (schema.keyFields().isEmpty()) {
            return Optional.empty();
        }
        if (schema.tableOptions().containsKey("key.format")) {
            return Optional.of(TableFormats.key(schema, ids));
        }
        List<RowType.RowField> keyFields = schema.rowType().getFields().stream()
                .filter(f -> schema.keyFields().contains(f.getName())).toList();
        RecordEncoder json = json(new RowType(keyFields));
        List<String> names = keyFields.stream().map(RowType.RowField::getName).toList();
        return Optional.of(struct -> json.encode(struct.project(names)));
    }

    private static void checkCovers(Schema schema, RowType rowType) {
        Objects.requireNonNull(schema, "schema cannot be null");
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("expected an Avro record schema, got " + schema.getType()
                    + " — wrap the value in a record");
        }
        for (String field : rowType.getFieldNames()) {
            if (schema.getField(field) == null) {
                throw new IllegalArgumentException("field '" + field + "' of the row type is not in Avro schema "
                        + schema.getFullName() + ", which has " + schema.getFields().stream().map(Schema.Field::name)
                        .toList() + " — its values would be lost");
            }
        }
    }
}
