package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorSpecsTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Resolves Avro schemas only; the table and registry sources are tested where they live. */
    private static final SchemaResolver AVRO_ONLY = new SchemaResolver() {
        @Override
        public RecordSchema table(String name) {
            throw new IllegalArgumentException("no table '" + name + "' in this test");
        }

        @Override
        public RecordSchema ddl(String createTable) {
            throw new IllegalArgumentException("no DDL in this test");
        }

        @Override
        public RecordSchema avroFile(String path) {
            return RecordSchema.fromAvro(Path.of("src/test/resources/data").resolve(path));
        }

        @Override
        public RecordSchema registry(String subject, String version, String url) {
            throw new IllegalArgumentException("no registry in this test");
        }
    };

    private static GeneratorSpec spec(String yaml) throws Exception {
        return YAML.readValue(yaml, GeneratorSpec.class);
    }

    private static DataGenerator generator(String yaml) throws Exception {
        return GeneratorSpecs.toGenerator(spec(yaml), AVRO_ONLY, 4);
    }

    @Test
    void a_full_spec_generates_what_the_same_fluent_settings_generate() throws Exception {
        DataGenerator fromSpec = generator("""
                schema: { avroFile: click.avsc }
                seed: 7
                records: 500
                eventTime: ts
                time: { start: 2026-01-01T00:00:00Z, every: 100ms, jitter: 20ms }
                watermark: { delay: 5s, emit: on-event }
                outOfOrder: { maxDelay: 3s, fraction: 0.2 }
                late: { count: 5, behind: 30s }
                duplicates: { count: 10, within: 5 }
                partitions: { strategy: round-robin, count: 3, idle: [2] }
                trailing: { window: 1m }
                fields:
                  user_id: { distinct: 20, skew: zipf(1.2) }
                  page: { oneOf: [/home, /cart], weights: [3, 1] }
                  duration_ms: { range: [10, 1000], nullRate: 0 }
                rows:
                  - { at: 2026-01-01T00:00:30Z, values: { user_id: whale } }
                """);
        DataGenerator fluent = DataGenerator.forSchema(RecordSchema.fromAvro(Path.of(
                        "src/test/resources/data/click.avsc")))
                .seed(7).records(500).eventTime("ts")
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100))
                        .withJitter(Duration.ofMillis(20)))
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(5)).onEvent())
                .outOfOrder(Duration.ofSeconds(3), 0.2)
                .lateRecords(5, Duration.ofSeconds(30))
                .duplicates(Duplicates.count(10).withinRecords(5))
                .placement(Placement.roundRobin(3).idle(2))
                .trailing(Trailing.pastLastWindow(Duration.ofMinutes(1)))
                .field("user_id", FieldRule.random().distinct(20).zipf(1.2))
                .field("page", FieldRule.oneOf("/home", "/cart").weights(3, 1))
                .field("duration_ms", FieldRule.range(10, 1000).nullRate(0))
                .explicit(ExplicitRow.of(java.util.Map.of("user_id", "whale"))
                        .at(Instant.parse("2026-01-01T00:00:30Z")));

        assertThat(fromSpec.generate().records()).isEqualTo(fluent.generate().records());
    }

    @Test
    void phases_with_rates_and_pauses() throws Exception {
        GeneratedData data = generator("""
                schema: { avroFile: click.avsc }
                records: 5
                eventTime: ts
                time:
                  start: 2026-01-01T00:00:00Z
                  phases:
                    - { records: 2, rate: 2 }
                    - { pause: 1m }
                    - { every: 10ms }
                """).generate();

        assertThat(data.records()).extracting(r -> r.eventTime().toString()).containsExactly(
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.500Z", "2026-01-01T00:01:00.500Z",
                "2026-01-01T00:01:00.510Z", "2026-01-01T00:01:00.520Z");
    }

    @Test
    void an_inline_avro_schema_written_as_yaml() throws Exception {
        GeneratedData data = generator("""
                schema:
                  avro:
                    type: record
                    name: Reading
                    fields:
                      - { name: sensor, type: string }
                      - { name: value, type: double }
                records: 3
                fields:
                  sensor: { constant: s-1 }
                """).generate();

        assertThat(data.records()).extracting(r -> r.value().get("sensor")).containsOnly("s-1");
    }

    @Test
    void each_bad_value_names_its_path_the_problem_and_the_fix() {
        assertThatThrownBy(() -> generator("records: 3"))
                .isInstanceOf(GeneratorSpecException.class)
                .hasMessage("schema: missing — give one of table (a table of the case's DDL), ddl, avro, avroFile or"
                        + " registry");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc, table: clicks }"))
                .hasMessage("schema: 2 schema sources given — give exactly one of table (a table of the case's DDL),"
                        + " ddl, avro, avroFile or registry");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\ntime: { every: 5 seconds }"))
                .hasMessage("time.every: '5 seconds' is not a duration — write 250ms, 5s, 2m, 1h, 1d or ISO-8601"
                        + " like PT5S");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\nfields: { page: { range: [1] } }"))
                .hasMessage("fields.page.range: expected [min, max], got 1 values — write range: [1, 100]");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\n"
                + "fields: { page: { constant: a, pattern: b } }"))
                .hasMessage("fields.page: several rules given: constant, pattern — keep one of them");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\nfields: { page: { skew: pareto } }"))
                .hasMessage("fields.page.skew: unknown skew 'pareto' — use uniform or zipf(1.2)");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\npartitions: { count: 9 }"))
                .hasMessage("partitions.count: 9 partitions, but the topic has 4 — use 1..4 or declare more"
                        + " partitions for the topic");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\nwatermark: { delay: 5s, emit: eager }"))
                .hasMessage("watermark.emit: unknown emission 'eager' — use on-event or periodic (as"
                        + " 'scan.watermark.emit.strategy')");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\nduplicates: { count: 1, fraction: 0.1 }"))
                .hasMessage("duplicates: both count and fraction given — give count: 10 or fraction: 0.01");
        assertThatThrownBy(() -> generator("schema: { avroFile: click.avsc }\nlate: { behind: 30s }"))
                .hasMessage("late.count: missing — write count: 5");
        assertThatThrownBy(() -> generator("schema: { avroFile: nope.avsc }"))
                .hasMessageStartingWith("schema: cannot read Avro schema file src/test/resources/data/nope.avsc");
    }

    @Test
    void a_misspelt_key_is_rejected_by_binding() {
        assertThatThrownBy(() -> spec("schema: { avroFile: click.avsc }\nouterOfOrder: { maxDelay: 1s }"))
                .hasMessageContaining("Unrecognized field \"outerOfOrder\"");
    }

    @Test
    void the_spec_can_live_in_a_file_next_to_the_case() throws Exception {
        Path file = Files.createTempFile("spec", ".yaml");
        Files.writeString(file, "schema: { avroFile: click.avsc }\nrecords: 2\n");
        assertThat(GeneratorSpecs.toGenerator(YAML.readValue(file.toFile(), GeneratorSpec.class), AVRO_ONLY, 1)
                .generate().size()).isEqualTo(2);
        Files.delete(file);
    }
}
