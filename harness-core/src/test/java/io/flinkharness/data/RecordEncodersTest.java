package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.formats.avro.AvroFormatOptions.AvroEncoding;
import org.apache.flink.formats.avro.AvroRowDataDeserializationSchema;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonRowDataDeserializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;
import org.junit.jupiter.api.Test;

class RecordEncodersTest {
    static final RowType ALL_TYPES = rowType("ROW<id BIGINT NOT NULL, name STRING, code CHAR(3), ok BOOLEAN,"
            + " tiny TINYINT, small SMALLINT, n INT, f FLOAT, d DOUBLE, price DECIMAL(10, 2), payload BYTES,"
            + " dt DATE, t TIME(0), ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(3), tags ARRAY<STRING>,"
            + " attrs MAP<STRING, INT>, address ROW<city STRING, zip INT, geo ROW<lat DOUBLE, lon DOUBLE>>,"
            + " nested ARRAY<ROW<k STRING, v BIGINT>>, nothing STRING> NOT NULL");

    static RowType rowType(String type) {
        return (RowType) LogicalTypeParser.parse(type, RecordEncodersTest.class.getClassLoader());
    }

    /** A record with a value of every type, at the precision its type keeps. */
    static Struct allTypes(long id) {
        Map<String, Integer> attrs = new LinkedHashMap<>();
        attrs.put("clicks", 3);
        attrs.put("none", null);
        Struct geo = Struct.of(List.of("lat", "lon"), List.of(52.52, 13.405));
        Struct address = Struct.of(List.of("city", "zip", "geo"), List.of("Berlin", 10115, geo));
        List<Struct> nested = List.of(Struct.of(List.of("k", "v"), Arrays.asList("a", 1L)),
                Struct.of(List.of("k", "v"), Arrays.asList("b", null)));
        return Struct.of(ALL_TYPES.getFieldNames(), Arrays.asList(id, "Zoë \"quoted\"", "abc", true, (byte) -7,
                (short) 300, 42, 1.5f, -2.25, new BigDecimal("12345678.90"), new byte[] {0, 1, 2, (byte) 255},
                LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 58), LocalDateTime.of(2024, 1, 1, 12, 0, 0, 123_000_000),
                Instant.parse("2024-01-01T00:00:01.500Z"), Arrays.asList("x", null, "z"), attrs, address, nested,
                null));
    }

    private static Struct decodeJson(byte[] bytes, RowType type) throws Exception {
        JsonRowDataDeserializationSchema json = new JsonRowDataDeserializationSchema(type, InternalTypeInfo.of(type),
                false, false, TimestampFormat.SQL);
        json.open(FlinkRows.context());
        return FlinkRows.toStruct(json.deserialize(bytes), type);
    }

    private static Struct decodeAvro(byte[] bytes, RowType type, boolean legacyTimestamps) throws Exception {
        AvroRowDataDeserializationSchema avro = new AvroRowDataDeserializationSchema(type, InternalTypeInfo.of(type),
                AvroEncoding.BINARY, legacyTimestamps);
        avro.open(FlinkRows.context());
        RowData row = avro.deserialize(bytes);
        return FlinkRows.toStruct(row, type);
    }

    @Test
    void jsonIsWhatFlinksJsonFormatWritesAndReadsBack() throws Exception {
        Struct record = allTypes(1);

        byte[] bytes = RecordEncoders.json(ALL_TYPES).encode(record);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"id\":1,\"name\":\"Zoë \\\"quoted\\\"\","
                + "\"code\":\"abc\",\"ok\":true,\"tiny\":-7,\"small\":300,\"n\":42,\"f\":1.5,\"d\":-2.25,"
                + "\"price\":12345678.9,\"payload\":\"AAEC/w==\",\"dt\":\"2024-02-29\",\"t\":\"23:59:58\","
                + "\"ts\":\"2024-01-01 12:00:00.123\",\"ltz\":\"2024-01-01 00:00:01.5Z\",\"tags\":[\"x\",null,\"z\"],"
                + "\"attrs\":{\"clicks\":3,\"none\":null},\"address\":{\"city\":\"Berlin\",\"zip\":10115,"
                + "\"geo\":{\"lat\":52.52,\"lon\":13.405}},\"nested\":[{\"k\":\"a\",\"v\":1},{\"k\":\"b\",\"v\":null}],"
                + "\"nothing\":null}");
        assertThat(decodeJson(bytes, ALL_TYPES)).isEqualTo(record);
    }

    @Test
    void avroIsWhatFlinksAvroFormatReadsBack() throws Exception {
        RowType noLtz = rowType(ALL_TYPES.asSerializableString().replace(", `ltz` TIMESTAMP(3) WITH LOCAL TIME ZONE", ""));
        Struct record = allTypes(2);

        byte[] bytes = RecordEncoders.avro(noLtz).encode(record);

        assertThat(decodeAvro(bytes, noLtz, true)).isEqualTo(record.project(noLtz.getFieldNames()));
    }

    @Test
    void avroWithoutTheLegacyTimestampMappingCarriesTimestampLtz() throws Exception {
        RecordSchema table = new RecordSchema("t", ALL_TYPES, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), List.of(), false, Map.of("format", "avro",
                "avro.timestamp_mapping.legacy", "false"));
        Struct record = allTypes(3);

        byte[] bytes = RecordEncoders.forTable(table).encode(record);

        assertThat(decodeAvro(bytes, ALL_TYPES, false)).isEqualTo(record);
    }

    @Test
    void flinksAvroFormatHasNoTimestampLtzUnderTheDefaultLegacyMapping() {
        assertThatThrownBy(() -> RecordEncoders.avro(rowType("ROW<ltz TIMESTAMP_LTZ(3)>")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Flink's 'avro' format cannot write ROW<`ltz` TIMESTAMP_LTZ(3)> NOT NULL:")
                .hasMessageEndingWith("— Flink's 'avro' format writes TIMESTAMP_LTZ only without the legacy timestamp"
                        + " mapping: set 'avro.timestamp_mapping.legacy' = 'false' on the table (with 'value.format'"
                        + " = 'avro': 'value.avro.timestamp_mapping.legacy')");
    }

    @Test
    void flinksJsonFormatWritesDecimalsWithoutTrailingZerosUnlessAskedForPlainNumbers() {
        RowType type = rowType("ROW<price DECIMAL(10, 2)> NOT NULL");
        Struct hundred = Struct.of(List.of("price"), List.of(new BigDecimal("100.00")));
        RecordSchema plain = new RecordSchema("t", type, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), List.of(), false, Map.of("format", "json",
                "json.encode.decimal-as-plain-number", "true"));

        assertThat(new String(RecordEncoders.json(type).encode(hundred), StandardCharsets.UTF_8))
                .isEqualTo("{\"price\":1E+2}");
        assertThat(new String(RecordEncoders.forTable(plain).encode(hundred), StandardCharsets.UTF_8))
                .isEqualTo("{\"price\":100.00}");
    }

    @Test
    void timestampsAndTimesAreCutToTheirPrecision() throws Exception {
        RowType type = rowType("ROW<ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(1), t TIME(0)> NOT NULL");
        Struct record = Struct.of(type.getFieldNames(), List.of(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_789),
                Instant.parse("2024-01-01T00:00:00.987654321Z"), LocalTime.of(1, 2, 3, 999_000_000)));

        String json = new String(RecordEncoders.json(type).encode(record), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"ts\":\"2024-01-01 00:00:00.123\",\"ltz\":\"2024-01-01 00:00:00.9Z\","
                + "\"t\":\"01:02:03\"}");
    }

    @Test
    void aValueOfTheWrongJavaTypeNamesTheFieldTypeAndValue() {
        RecordEncoder json = RecordEncoders.json(ALL_TYPES);
        Struct record = allTypes(1);

        assertThatThrownBy(() -> json.encode(record.with("n", 42L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'n' (INT): expected Integer, got Long 42");
        assertThatThrownBy(() -> json.encode(record.with("id", null)))
                .hasMessage("field 'id' (BIGINT NOT NULL): expected Long, got null");
        Struct badZip = Struct.of(List.of("city", "zip", "geo"), Arrays.asList("Berlin", "10115", null));
        assertThatThrownBy(() -> json.encode(record.with("address", badZip)))
                .hasMessage("field 'address.zip' (INT): expected Integer, got String \"10115\"");
        assertThatThrownBy(() -> json.encode(record.with("tags", List.of("a", 2))))
                .hasMessage("field 'tags[1]' (STRING): expected String, got Integer 2");
        assertThatThrownBy(() -> json.encode(record.with("attrs", Map.of("k", "v"))))
                .hasMessage("field 'attrs[\"k\"]' (INT): expected Integer, got String \"v\"");
        assertThatThrownBy(() -> json.encode(record.with("nested", List.of(Struct.of(List.of("k"), List.of("a"))))))
                .hasMessage("field 'nested[0].v' is missing from the struct, which has fields [k]");
        assertThatThrownBy(() -> json.encode(record.with("ts", Instant.EPOCH)))
                .hasMessage("field 'ts' (TIMESTAMP(3)): expected LocalDateTime, got Instant 1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> json.encode(record.with("price", new BigDecimal("123456789.5"))))
                .hasMessage("field 'price' (DECIMAL(10, 2)): 123456789.5 does not fit (at most 8 digits before the"
                        + " point)");
        assertThatThrownBy(() -> json.encode(null))
                .hasMessage("cannot encode a null struct — a tombstone has no value to encode");
    }

    @Test
    void aStructMayCarryMoreFieldsThanTheEncoderWrites() throws Exception {
        RowType type = rowType("ROW<b STRING, a INT> NOT NULL");
        Struct record = Struct.of(List.of("a", "extra", "b"), List.of(1, "ignored", "x"));

        byte[] bytes = RecordEncoders.json(type).encode(record);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"b\":\"x\",\"a\":1}");
    }

    static final Schema USER_SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "Click", "namespace": "com.acme", "fields": [
              {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "at_micros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "local", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
              {"name": "local_micros", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "time", "type": {"type": "int", "logicalType": "time-millis"}},
              {"name": "time_micros", "type": {"type": "long", "logicalType": "time-micros"}},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
              {"name": "fixed_amount", "type": {"type": "fixed", "name": "Amount", "size": 5,
                "logicalType": "decimal", "precision": 10, "scale": 3}},
              {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["VIEW", "BUY"]}},
              {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
              {"name": "referrer", "type": ["null", "string"], "default": null},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "props", "type": {"type": "map", "values": ["null", "long"]}},
              {"name": "device", "type": ["null", {"type": "record", "name": "Device", "fields": [
                {"name": "os", "type": "string"}, {"name": "score", "type": "double"}]}]},
              {"name": "version", "type": "int", "default": 7}
            ]}""");

    static Struct userRecord() {
        RowType type = RecordSchema.fromAvro(USER_SCHEMA, "click").rowType();
        Map<String, Long> props = new LinkedHashMap<>();
        props.put("a", 1L);
        props.put("b", null);
        List<String> names = new ArrayList<>(type.getFieldNames());
        names.remove("version");
        return Struct.of(names, Arrays.asList("6f1c0c7e-0000-4000-8000-000000000001",
                Instant.parse("2024-01-01T00:00:01.234Z"), Instant.parse("2024-01-01T00:00:01.234567Z"),
                LocalDateTime.of(2024, 1, 1, 1, 2, 3, 4_000_000), LocalDateTime.of(2024, 1, 1, 1, 2, 3, 4_005_000),
                LocalDate.of(2024, 3, 1), LocalTime.of(10, 11, 12, 13_000_000), LocalTime.of(10, 11, 12, 13_014_000),
                new BigDecimal("-1234.56"), new BigDecimal("-1.5"), "BUY", new byte[] {1, 2, 3, 4}, null,
                List.of("x", "y"), props, Struct.of(List.of("os", "score"), List.of("linux", 0.5))));
    }

    private static GenericRecord readWithGenericDatumReader(byte[] bytes, Schema schema) throws Exception {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema, schema, data);
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    @Test
    void avroWithTheUsersSchemaHonoursLogicalTypesEnumsFixedAndDefaults() throws Exception {
        RowType type = RecordSchema.fromAvro(USER_SCHEMA, "click").rowType();

        byte[] bytes = RecordEncoders.avro(USER_SCHEMA, type).encode(userRecord());
        GenericRecord read = readWithGenericDatumReader(bytes, USER_SCHEMA);

        assertThat(read.get("id")).hasToString("6f1c0c7e-0000-4000-8000-000000000001");
        assertThat(read.get("at")).isEqualTo(Instant.parse("2024-01-01T00:00:01.234Z"));
        assertThat(read.get("at_micros")).isEqualTo(Instant.parse("2024-01-01T00:00:01.234567Z"));
        assertThat(read.get("local")).isEqualTo(LocalDateTime.of(2024, 1, 1, 1, 2, 3, 4_000_000));
        assertThat(read.get("local_micros")).isEqualTo(LocalDateTime.of(2024, 1, 1, 1, 2, 3, 4_005_000));
        assertThat(read.get("day")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(read.get("time")).isEqualTo(LocalTime.of(10, 11, 12, 13_000_000));
        assertThat(read.get("time_micros")).isEqualTo(LocalTime.of(10, 11, 12, 13_014_000));
        assertThat(read.get("amount")).isEqualTo(new BigDecimal("-1234.56"));
        assertThat(read.get("fixed_amount")).isEqualTo(new BigDecimal("-1.500"));
        assertThat(read.get("kind")).hasToString("BUY");
        assertThat(((GenericData.Fixed) read.get("hash")).bytes()).containsExactly(1, 2, 3, 4);
        assertThat(read.get("referrer")).isNull();
        assertThat(read.get("tags")).asList().extracting(Object::toString).containsExactly("x", "y");
        assertThat(read.get("props").toString()).isEqualTo("{a=1, b=null}");
        assertThat(((GenericRecord) read.get("device")).get("os")).hasToString("linux");
        assertThat(read.get("version")).isEqualTo(7);
    }

    @Test
    void avroWithTheUsersSchemaIsReadByFlinkFromTheSchemasRowType() throws Exception {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "R", "fields": [
                  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "name", "type": ["null", "string"]},
                  {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}}
                ]}""");
        RecordSchema fromAvro = RecordSchema.fromAvro(schema, "R");
        Struct record = Struct.of(fromAvro.fieldNames(), Arrays.asList(Instant.parse("2024-05-06T07:08:09.010Z"),
                null, new BigDecimal("1.23")));

        byte[] bytes = RecordEncoders.avro(schema, fromAvro.rowType()).encode(record);

        RowType readType = (RowType) fromAvro.rowType().copy(false);
        assertThat(decodeAvro(bytes, readType, false)).isEqualTo(record);
    }

    @Test
    void avroWithTheUsersSchemaNamesWrongValues() {
        RowType type = RecordSchema.fromAvro(USER_SCHEMA, "click").rowType();
        RecordEncoder avro = RecordEncoders.avro(USER_SCHEMA, type);
        Struct record = userRecord();

        assertThatThrownBy(() -> avro.encode(record.with("kind", "SELL")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'kind' (Avro enum com.acme.Kind): \"SELL\" is not one of the symbols [VIEW, BUY]");
        assertThatThrownBy(() -> avro.encode(record.with("at", "2024-01-01")))
                .hasMessage("field 'at' (Avro long/timestamp-millis): expected Instant or LocalDateTime (UTC), got"
                        + " String \"2024-01-01\"");
        assertThatThrownBy(() -> avro.encode(record.with("hash", new byte[3])))
                .hasMessage("field 'hash' (Avro fixed com.acme.Hash): expected exactly 4 bytes, got 3");
        assertThatThrownBy(() -> avro.encode(record.with("props", Map.of("a", "1"))))
                .hasMessage("field 'props[\"a\"]' (Avro null|long): expected one of [null, Long], got String \"1\"");
        assertThatThrownBy(() -> avro.encode(record.with("tags", null)))
                .hasMessage("field 'tags' (Avro array): expected List, got null");
        assertThatThrownBy(() -> RecordEncoders.avro(USER_SCHEMA, rowType("ROW<id STRING, extra INT>")))
                .hasMessageStartingWith("field 'extra' of the row type is not in Avro schema com.acme.Click, which"
                        + " has [id, at, ");
    }

    @Test
    void confluentWireFormatIsMagicByteSchemaIdThenAvroBinary() throws Exception {
        RowType type = RecordSchema.fromAvro(USER_SCHEMA, "click").rowType();
        byte[] plain = RecordEncoders.avro(USER_SCHEMA, type).encode(userRecord());

        byte[] framed = RecordEncoders.avroConfluent(0x01020304, USER_SCHEMA, type).encode(userRecord());

        assertThat(Arrays.copyOf(framed, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(framed, 5, framed.length)).isEqualTo(plain);
        assertThat(ByteBuffer.wrap(RecordEncoders.avroConfluent(-2, USER_SCHEMA, type).encode(userRecord()), 1, 4)
                .getInt()).isEqualTo(-2);
    }
}
