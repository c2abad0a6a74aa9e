package io.flinkharness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import io.flinkharness.data.internal.RowDataConverter;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.rows.Row;
import java.math.BigDecimal;
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
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Records written by Flink's own serializers (the encoders the harness writes input with) are read back by the
 * decoders into typed rows, for every type and the key/value layouts of Flink's Kafka connectors.
 */
class OutputDecoderTest {
    static final String ALL_COLUMNS = """
            id BIGINT NOT NULL, name STRING, code CHAR(3), ok BOOLEAN, tiny TINYINT, small SMALLINT, n INT,
            f FLOAT, d DOUBLE, price DECIMAL(10, 2), payload BYTES, dt DATE, t TIME(0), ts TIMESTAMP(3),
            ltz TIMESTAMP_LTZ(3), tags ARRAY<STRING>, attrs MAP<STRING, INT>,
            address ROW<city STRING, zip INT, geo ROW<lat DOUBLE, lon DOUBLE>>,
            nested ARRAY<ROW<k STRING, v BIGINT>>, nothing STRING""";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static RecordSchema table(String columns, String options) {
        return RecordSchema.fromDdl("CREATE TABLE sink (" + columns + ") WITH ('connector' = 'kafka',"
                + " 'topic' = 'sink-topic', " + options + ")");
    }

    /** A record with a value of every type of {@link #ALL_COLUMNS}. */
    static Struct allTypes(long id, List<String> names) {
        Map<String, Integer> attrs = new LinkedHashMap<>();
        attrs.put("clicks", 3);
        attrs.put("none", null);
        Struct geo = Struct.of(List.of("lat", "lon"), List.of(52.52, 13.405));
        Struct address = Struct.of(List.of("city", "zip", "geo"), List.of("Berlin", 10115, geo));
        List<Struct> nested = List.of(Struct.of(List.of("k", "v"), Arrays.asList("a", 1L)),
                Struct.of(List.of("k", "v"), Arrays.asList("b", null)));
        return Struct.of(names, Arrays.asList(id, "Zoë \"quoted\"", "abc", true, (byte) -7, (short) 300, 42, 1.5f,
                -2.25, new BigDecimal("12345678.90"), new byte[] {0, 1, 2, (byte) 255}, LocalDate.of(2024, 2, 29),
                LocalTime.of(23, 59, 58), LocalDateTime.of(2024, 1, 1, 12, 0, 0, 123_000_000),
                Instant.parse("2024-01-01T00:00:01.500Z"), Arrays.asList("x", null, "z"), attrs, address, nested,
                null));
    }

    private static OutputRecord record(long offset, byte[] key, byte[] value) {
        return OutputRecord.ofBytes("sink-topic", 0, offset, key, value, T0, Map.of());
    }

    private static List<Object> values(Struct struct) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < struct.size(); i++) {
            values.add(struct.get(i));
        }
        return values;
    }

    private static void assertSameValues(ResultRow row, Struct expected) {
        List<Object> actual = row.values();
        List<Object> wanted = values(expected);
        assertThat(actual).hasSameSizeAs(wanted);
        for (int i = 0; i < actual.size(); i++) {
            if (wanted.get(i) instanceof byte[] bytes) {
                assertThat((byte[]) actual.get(i)).as(row.columnNames().get(i)).containsExactly(bytes);
            } else {
                assertThat(actual.get(i)).as(row.columnNames().get(i)).isEqualTo(wanted.get(i));
            }
        }
    }

    @Test
    void jsonRecordsBecomeTypedRowsOfEveryType() {
        RecordSchema sink = table(ALL_COLUMNS, "'format' = 'json'");
        Struct record = allTypes(1, sink.fieldNames());

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(
                record(0, null, RecordEncoders.forTable(sink).encode(record))));

        assertThat(table.kind()).isEqualTo(ResultTable.Kind.APPEND);
        assertThat(table.name()).isEqualTo("sink");
        assertThat(table.describe()).isEqualTo("table sink (topic sink-topic, append, 1 row)");
        assertThat(table.columns().get(13)).hasToString("ts TIMESTAMP(3)");
        assertSameValues(table.rows().get(0), record);
    }

    @Test
    void avroRecordsBecomeTypedRowsOfEveryType() {
        RecordSchema sink = table(ALL_COLUMNS, "'format' = 'avro', 'avro.timestamp_mapping.legacy' = 'false'");
        Struct record = allTypes(2, sink.fieldNames());

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(
                record(0, null, RecordEncoders.forTable(sink).encode(record))));

        assertSameValues(table.rows().get(0), record);
    }

    @Test
    void rawRecordsAreOneColumn() {
        RecordSchema sink = table("line STRING", "'format' = 'raw'");

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(
                record(0, null, "hello | world".getBytes(StandardCharsets.UTF_8))));

        assertThat(table.rows().get(0).get("line")).isEqualTo("hello | world");
    }

    @Test
    void keyFieldsComeFromTheKeyWithoutTheirPrefixWhenTheValueLeavesThemOut() {
        RecordSchema sink = table("k_region STRING, k_id BIGINT NOT NULL, amount DECIMAL(8, 2)",
                "'key.format' = 'avro', 'key.fields' = 'k_id;k_region', 'key.fields-prefix' = 'k_',"
                        + " 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY'");
        Struct order = Struct.of(sink.fieldNames(), List.of("eu", 7L, new BigDecimal("19.99")));

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(record(0,
                RecordEncoders.forTableKey(sink).encode(order), RecordEncoders.forTable(sink).encode(order))));

        assertThat(table.rows().get(0).asMap()).containsExactly(Map.entry("k_region", "eu"), Map.entry("k_id", 7L),
                Map.entry("amount", new BigDecimal("19.99")));
    }

    @Test
    void anUpsertTopicIsTheLastRowPerKeyAndItsChangelogInsertsUpdatesAndDeletes() {
        RecordSchema sink = RecordSchema.fromDdl("CREATE TABLE totals (region STRING, total BIGINT,"
                + " PRIMARY KEY (region) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'totals',"
                + " 'key.format' = 'json', 'value.format' = 'json')");
        RecordEncoder key = RecordEncoders.forTableKey(sink);
        RecordEncoder value = RecordEncoders.forTable(sink);
        Struct eu1 = Struct.of(sink.fieldNames(), List.of("eu", 1L));
        Struct us5 = Struct.of(sink.fieldNames(), List.of("us", 5L));
        Struct eu3 = Struct.of(sink.fieldNames(), List.of("eu", 3L));

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(record(0, key.encode(eu1), value.encode(eu1)),
                record(1, key.encode(us5), value.encode(us5)), record(2, key.encode(eu3), value.encode(eu3)),
                record(3, key.encode(us5), null), record(4, key.encode(us5), value.encode(us5))));

        assertThat(table.kind()).isEqualTo(ResultTable.Kind.UPSERT);
        assertThat(table.toRows()).containsExactly(Row.of("region", "eu", "total", 3), Row.of("region", "us", "total", 5));
        assertThat(table.changelog().toRows()).containsExactly(
                Row.of("op", "+I", "region", "eu", "total", 1),
                Row.of("op", "+I", "region", "us", "total", 5),
                Row.of("op", "+U", "region", "eu", "total", 3),
                Row.of("op", "-D", "region", "us", "total", 5),
                Row.of("op", "+I", "region", "us", "total", 5));
        assertThat(table.as(ResultTable.Kind.APPEND).size()).isEqualTo(4);
    }

    @Test
    void aTombstoneForAKeyNotSeenBeforeDeletesARowOfTheKeyFieldsOnly() {
        RecordSchema sink = RecordSchema.fromDdl("CREATE TABLE totals (region STRING, total BIGINT,"
                + " PRIMARY KEY (region) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'totals',"
                + " 'key.format' = 'json', 'value.format' = 'json')");
        byte[] key = RecordEncoders.forTableKey(sink).encode(Struct.of(sink.fieldNames(), List.of("eu", 1L)));

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(record(0, key, null)));

        assertThat(table.isEmpty()).isTrue();
        assertThat(table.changelog().toRows()).containsExactly(
                Row.of("op", "-D", "region", "eu", "total", null));
    }

    @Test
    void aChangelogFormatCarriesItsChangesAndTheTableAppliesThem() {
        RecordSchema sink = table("region STRING, total BIGINT", "'format' = 'debezium-json'");
        SerializationSchema<RowData> debezium = serializer("debezium-json", sink);
        RowDataConverter rows = RowDataConverter.of(sink.rowType());

        ResultTable table = OutputDecoder.forTable(sink).decode(List.of(
                record(0, null, debezium.serialize(change(rows, RowKind.INSERT, "eu", 1L))),
                record(1, null, debezium.serialize(change(rows, RowKind.UPDATE_BEFORE, "eu", 1L))),
                record(2, null, debezium.serialize(change(rows, RowKind.UPDATE_AFTER, "eu", 2L))),
                record(3, null, debezium.serialize(change(rows, RowKind.INSERT, "us", 7L))),
                record(4, null, debezium.serialize(change(rows, RowKind.DELETE, "us", 7L)))));

        assertThat(table.kind()).isEqualTo(ResultTable.Kind.RETRACT);
        assertThat(table.toRows()).containsExactly(Row.of("region", "eu", "total", 2));
        assertThat(table.changelog().toRows()).extracting(r -> r.get("op"))
                .containsExactly("+I", "-D", "+I", "+I", "-D");
    }

    @Test
    void canalAndMaxwellJsonAreReadToo() {
        for (String format : List.of("canal-json", "maxwell-json")) {
            RecordSchema sink = table("region STRING, total BIGINT", "'format' = '" + format + "'");
            SerializationSchema<RowData> serializer = serializer(format, sink);
            RowDataConverter rows = RowDataConverter.of(sink.rowType());

            ResultTable table = OutputDecoder.forTable(sink).decode(List.of(
                    record(0, null, serializer.serialize(change(rows, RowKind.INSERT, "eu", 1L))),
                    record(1, null, serializer.serialize(change(rows, RowKind.DELETE, "eu", 1L))),
                    record(2, null, serializer.serialize(change(rows, RowKind.INSERT, "us", 2L)))));

            assertThat(table.toRows()).as(format).containsExactly(Row.of("region", "us", "total", 2));
        }
    }

    @Test
    void aFormatTheHarnessCannotReadIsNamedWithTheOnesItCan() {
        RecordSchema sink = table("a INT", "'format' = 'csv'");

        assertThatThrownBy(() -> OutputDecoder.forTable(sink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(sink.description() + ": the value format 'csv' cannot be read: Could not find"
                        + " any factory for identifier 'csv'")
                .hasMessageEndingWith(" — formats the harness reads: avro, avro-confluent (with a schema registry),"
                        + " canal-json, debezium-json, json, maxwell-json, ogg-json, raw");
    }

    @Test
    void avroConfluentNeedsTheRegistry() {
        RecordSchema sink = table("a INT", "'format' = 'avro-confluent', 'avro-confluent.url' = 'http://x'");

        assertThatThrownBy(() -> OutputDecoder.forTable(sink).decode(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(sink.description() + ": the value format 'avro-confluent' names its writer schema by an"
                        + " id of the schema registry the records were written through — give"
                        + " OutputDecoder.withSchemaRegistry(registry)");
    }

    @Test
    void aRecordTheFormatCannotReadIsNamedByTopicPartitionAndOffset() {
        RecordSchema sink = table("a INT", "'format' = 'json'");

        assertThatThrownBy(() -> OutputDecoder.forTable(sink).decode(List.of(
                record(0, null, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                record(1, null, "not json".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record sink-topic-0@1 of " + sink.description() + ": Flink's 'json' format"
                        + " cannot read it: Failed to deserialize JSON 'not json'.");
    }

    private static RowData change(RowDataConverter rows, RowKind kind, Object... values) {
        RowData row = rows.convert(Struct.of(List.of("region", "total"), Arrays.asList(values)));
        row.setRowKind(kind);
        return row;
    }

    /** Flink's serializer of a format, as a Flink job's sink would write with it. */
    static SerializationSchema<RowData> serializer(String format, RecordSchema sink) {
        SerializationFormatFactory factory = FactoryUtil.discoverFactory(OutputDecoderTest.class.getClassLoader(),
                SerializationFormatFactory.class, format);
        SerializationSchema<RowData> serializer = factory.createEncodingFormat(null,
                        new DelegatingConfiguration(Configuration.fromMap(sink.tableOptions()), format + "."))
                .createRuntimeEncoder(null, TypeConversions.fromLogicalToDataType(sink.rowType()));
        try {
            serializer.open(new SerializationSchema.InitializationContext() {
                @Override
                public MetricGroup getMetricGroup() {
                    return new UnregisteredMetricsGroup();
                }

                @Override
                public UserCodeClassLoader getUserCodeClassLoader() {
                    return SimpleUserCodeClassLoader.create(OutputDecoderTest.class.getClassLoader());
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return serializer;
    }
}
