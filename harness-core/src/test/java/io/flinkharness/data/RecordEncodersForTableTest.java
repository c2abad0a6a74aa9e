package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class RecordEncodersForTableTest {
    private static final Struct ORDER = Struct.of(List.of("k_region", "k_id", "amount", "note"),
            Arrays.asList("eu", 7L, 12, null));

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void keyFieldsArePrefixFreeAndTheValueLeavesThemOutWithExceptKey() {
        RecordSchema table = RecordSchema.fromDdl("CREATE TABLE orders (k_region STRING, k_id BIGINT, amount INT,"
                + " note STRING) WITH ('connector' = 'kafka', 'topic' = 'orders', 'key.format' = 'json',"
                + " 'key.fields' = 'k_id;k_region', 'key.fields-prefix' = 'k_', 'value.format' = 'json',"
                + " 'value.fields-include' = 'EXCEPT_KEY', 'value.json.encode.ignore-null-fields' = 'true')");

        assertThat(text(RecordEncoders.forTableKey(table).encode(ORDER))).isEqualTo("{\"id\":7,\"region\":\"eu\"}");
        assertThat(text(RecordEncoders.forTable(table).encode(ORDER))).isEqualTo("{\"amount\":12}");
    }

    @Test
    void upsertKafkaKeysByThePrimaryKeyAndKeepsItInTheValue() {
        RecordSchema table = RecordSchema.fromDdl("CREATE TABLE totals (region STRING, total BIGINT,"
                + " PRIMARY KEY (region) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 't',"
                + " 'key.format' = 'json', 'value.format' = 'json')");
        Struct row = Struct.of(List.of("region", "total"), List.of("eu", 3L));

        assertThat(text(RecordEncoders.forTableKey(table).encode(row))).isEqualTo("{\"region\":\"eu\"}");
        assertThat(text(RecordEncoders.forTable(table).encode(row))).isEqualTo("{\"region\":\"eu\",\"total\":3}");
    }

    @Test
    void rawWritesTheOneColumnAsIs() {
        RecordSchema table = RecordSchema.fromDdl("CREATE TABLE lines (line STRING) WITH ('connector' = 'kafka',"
                + " 'format' = 'raw')");

        assertThat(text(RecordEncoders.forTable(table).encode(Struct.of(List.of("line"), List.of("héllo")))))
                .isEqualTo("héllo");
    }

    @Test
    void avroFollowsTheTablesAvroOptions() throws Exception {
        RecordSchema table = RecordSchema.fromDdl("CREATE TABLE clicks (id BIGINT NOT NULL, seen_at TIMESTAMP_LTZ(3))"
                + " WITH ('connector' = 'kafka', 'value.format' = 'avro',"
                + " 'value.avro.timestamp_mapping.legacy' = 'false')");
        Struct click = Struct.of(List.of("id", "seen_at"), List.of(1L, java.time.Instant.ofEpochMilli(1234)));

        byte[] bytes = RecordEncoders.forTable(table).encode(click);

        Schema schema = org.apache.flink.formats.avro.typeutils.AvroSchemaConverter.convertToSchema(
                table.rowType(), false);
        GenericRecord read = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(read.get("id")).isEqualTo(1L);
        assertThat(read.get("seen_at")).isEqualTo(1234L);
    }

    @Test
    void avroConfluentRegistersTheDerivedSchemaUnderTheTopicSubject() {
        RecordSchema table = RecordSchema.fromDdl("CREATE TABLE clicks (id BIGINT NOT NULL, region STRING) WITH ("
                + "'connector' = 'kafka', 'topic' = 'clicks', 'key.format' = 'avro-confluent', 'key.fields' = 'id',"
                + " 'value.format' = 'avro-confluent', 'value.avro-confluent.subject' = 'custom-subject',"
                + " 'value.avro-confluent.url' = 'http://registry')");
        List<String> subjects = new ArrayList<>();
        RecordEncoders.SchemaIds ids = (subject, schema) -> {
            subjects.add(subject + " " + schema.getFields().stream().map(Schema.Field::name).toList());
            return subjects.size();
        };

        byte[] key = RecordEncoders.forTableKey(table, ids).encode(Struct.of(List.of("id", "region"), List.of(5L, "eu")));
        byte[] value = RecordEncoders.forTable(table, ids).encode(Struct.of(List.of("id", "region"), List.of(5L, "eu")));

        assertThat(subjects).containsExactly("clicks-key [id]", "custom-subject [id, region]");
        assertThat(Arrays.copyOf(key, 5)).containsExactly(0, 0, 0, 0, 1);
        assertThat(Arrays.copyOf(value, 5)).containsExactly(0, 0, 0, 0, 2);
    }

    @Test
    void unsupportedOrMissingFormatsAreNamedWithTheSupportedOnes() {
        RecordSchema csv = RecordSchema.fromDdl("CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'format' = 'csv')");
        RecordSchema none = RecordSchema.fromDdl("CREATE TABLE t (a INT) WITH ('connector' = 'kafka')");
        RecordSchema confluent = RecordSchema.fromDdl("CREATE TABLE t (a INT) WITH ('connector' = 'kafka',"
                + " 'format' = 'avro-confluent')");

        assertThatThrownBy(() -> RecordEncoders.forTable(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table t (CREATE TABLE at line 1): the value format 'csv' is not supported by the"
                        + " harness's encoders; supported: avro, avro-confluent (with a schema id), json, raw");
        assertThatThrownBy(() -> RecordEncoders.forTable(none))
                .hasMessage("table t (CREATE TABLE at line 1): no 'format' or 'value.format' option — give the table"
                        + " a format (supported: avro, avro-confluent (with a schema id), json, raw)");
        assertThatThrownBy(() -> RecordEncoders.forTableKey(none))
                .hasMessage("table t (CREATE TABLE at line 1): the table has no key fields — records have no key"
                        + " ('key.fields', or the PRIMARY KEY of an upsert-kafka table, declare one)");
        assertThatThrownBy(() -> RecordEncoders.forTable(confluent))
                .hasMessage("table t (CREATE TABLE at line 1): the value format 'avro-confluent' needs the schema id"
                        + " the registry assigns — use RecordEncoders.forTable(schema, ids) with a SchemaIds that"
                        + " registers the schema, or RecordEncoders.avroConfluent(id, schema, rowType)");
    }
}
