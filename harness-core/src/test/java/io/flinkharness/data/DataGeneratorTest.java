package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static DataGenerator clicks() {
        return DataGenerator.forSchema(Schemas.clicks())
                .time(TimeModel.startingAt(T0).every(Duration.ofMillis(100)));
    }

    @Test
    void the_same_seed_gives_the_same_records_and_another_seed_other_ones() {
        DataGenerator g = clicks().records(2_000).outOfOrder(Duration.ofSeconds(2), 0.3)
                .watermark(Duration.ofSeconds(3)).lateRecords(5, Duration.ofSeconds(10))
                .duplicates(Duplicates.count(20)).placement(Placement.roundRobin(3))
                .field("page", FieldRule.pattern("/p/[a-z]{3}"));

        List<GeneratedRecord> first = g.seed(11).generate().records();
        List<GeneratedRecord> again = g.seed(11).generate().records();
        List<GeneratedRecord> other = g.seed(12).generate().records();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void records_follow_the_time_model_and_carry_the_event_time_in_field_and_label() {
        GeneratedData data = clicks().records(5).generate();

        assertThat(data.records()).extracting(r -> r.label().eventTime()).containsExactly(T0,
                T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(300), T0.plusMillis(400));
        assertThat(data.records().get(2).value().get("ts"))
                .isEqualTo(LocalDateTime.parse("2026-03-01T10:00:00.200"));
        assertThat(data.records()).allSatisfy(r -> {
            assertThat(r.label().origin()).isEqualTo(RecordLabel.Origin.GENERATED);
            assertThat(r.label().lateness()).isEqualTo(Lateness.UNKNOWN);
        });
    }

    @Test
    void phases_give_slow_stretches_bursts_and_pauses() {
        GeneratedData data = clicks().records(6)
                .time(TimeModel.startingAt(T0).phase(2, Duration.ofSeconds(10)).pause(Duration.ofMinutes(1))
                        .phaseAtRate(2, 100).every(Duration.ofSeconds(1)))
                .generate();

        assertThat(data.records()).extracting(r -> Duration.between(T0, r.label().eventTime()).toMillis())
                .containsExactly(0L, 10_000L, 70_000L, 70_010L, 71_010L, 72_010L);
    }

    @Test
    void jitter_varies_gaps_within_its_bound_and_never_goes_back_in_time() {
        GeneratedData data = clicks().records(10_000)
                .time(TimeModel.startingAt(T0).every(Duration.ofMillis(100)).withJitter(Duration.ofMillis(40)))
                .generate();

        Set<Long> gaps = new HashSet<>();
        for (int i = 1; i < data.size(); i++) {
            gaps.add(millis(data, i) - millis(data, i - 1));
        }
        assertThat(gaps).allSatisfy(g -> assertThat(g).isBetween(59L, 141L));
        assertThat(gaps.size()).isGreaterThan(50);
    }

    @Test
    void disorder_displaces_exactly_the_fraction_and_never_more_than_the_bound() {
        Duration max = Duration.ofSeconds(3);
        GeneratedData data = clicks().records(100_000).outOfOrder(max, 0.25).seed(3).generate();

        assertThat(data.records().stream().filter(r -> r.label().displaced()).count()).isEqualTo(25_000);
        long maxSeen = Long.MIN_VALUE;
        long worst = 0;
        for (GeneratedRecord r : data) {
            long t = r.label().eventTime().toEpochMilli();
            worst = maxSeen == Long.MIN_VALUE ? 0 : Math.max(worst, maxSeen - t);
            maxSeen = Math.max(maxSeen, t);
        }
        assertThat(worst).isLessThanOrEqualTo(max.toMillis()).isGreaterThan(max.toMillis() / 2);
    }

    @Test
    void late_records_are_exactly_as_many_as_asked_and_exactly_that_far_behind_the_watermark() {
        GeneratedData data = clicks().records(50_000).seed(5)
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(5)).onEvent())
                .outOfOrder(Duration.ofSeconds(4), 0.3)
                .lateRecords(37, Duration.ofSeconds(30))
                .generate();

        List<GeneratedRecord> late = data.withLateness(Lateness.LATE);
        assertThat(late).hasSize(37).allSatisfy(r -> {
            assertThat(r.label().origin()).isEqualTo(RecordLabel.Origin.LATE);
            Instant watermark = r.label().watermarkOnArrival().highest().orElseThrow();
            assertThat(r.label().watermarkOnArrival().lowest()).contains(watermark);
            assertThat(Duration.between(r.label().eventTime(), watermark)).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(data.withLateness(Lateness.ON_TIME)).hasSize(50_000);
    }

    @Test
    void the_watermark_is_the_largest_event_time_so_far_minus_the_delay() {
        GeneratedData data = clicks().records(4).watermark(DeclaredWatermark.delay(Duration.ofMillis(150)).onEvent())
                .generate();

        assertThat(data.records()).extracting(r -> r.label().watermarkOnArrival().highest().map(w -> Duration.between(T0, w))
                .map(Duration::toMillis).orElse(null)).containsExactly(null, -150L, -50L, 50L);
    }

    @Test
    void a_record_exactly_at_the_watermark_is_late() {
        GeneratedData data = clicks().records(3).watermark(DeclaredWatermark.delay(Duration.ofMillis(100)).onEvent())
                .explicit(ExplicitRow.of(Map.of("user_id", "x")).at(T0.plusMillis(100)))
                .time(TimeModel.startingAt(T0).phase(2, Duration.ofMillis(200)).every(Duration.ofMillis(1)))
                .generate();

        // base at 0, 200, 201; the explicit row at 100 sorts between them by event time: not late
        assertThat(data.records()).extracting(r -> r.label().lateness()).containsOnly(Lateness.ON_TIME);
        GeneratedData behind = clicks().records(2).watermark(DeclaredWatermark.delay(Duration.ofMillis(100)).onEvent())
                .lateRecords(1, Duration.ZERO)
                .time(TimeModel.startingAt(T0).every(Duration.ofMillis(200))).generate();
        GeneratedRecord late = behind.withOrigin(RecordLabel.Origin.LATE).get(0);
        assertThat(late.label().eventTime()).isEqualTo(T0.plusMillis(100));
        assertThat(late.label().lateness()).isEqualTo(Lateness.LATE);
    }

    @Test
    void with_several_partitions_lateness_behind_the_watermark_depends_on_interleaving() {
        GeneratedData data = clicks().records(1_000).placement(Placement.roundRobin(2))
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(1)).onEvent())
                .lateRecords(3, Duration.ofSeconds(20)).generate();

        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).extracting(r -> r.label().lateness())
                .containsOnly(Lateness.DEPENDS_ON_INTERLEAVING);
        assertThat(data.withLateness(Lateness.LATE)).isEmpty();
    }

    @Test
    void empty_partitions_make_lateness_depend_on_interleaving_too() {
        GeneratedData data = clicks().records(1_000).placement(Placement.roundRobin(2).idle(1))
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(1)).onEvent())
                .lateRecords(3, Duration.ofSeconds(20)).generate();

        // the empty partition's split holds the watermark back until Flink sees it has no records
        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).extracting(GeneratedRecord::lateness)
                .containsOnly(Lateness.DEPENDS_ON_INTERLEAVING);
        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).allSatisfy(r -> assertThat(r.partition()).isZero());
    }

    @Test
    void a_partition_read_to_its_end_no_longer_holds_the_watermark_back() {
        GeneratedData data = clicks().records(1_000).placement(Placement.roundRobin(2).idle(1))
                .explicit(ExplicitRow.of(Map.of("user_id", "early")).at(T0).inPartition(1))
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(1)).onEvent())
                .lateRecords(3, Duration.ofSeconds(20)).generate();

        // partition 1 ends at T0; once its split is read to the end Flink releases it, and the watermark follows
        // partition 0 alone: a record of partition 0 may meet its own partition's watermark
        List<GeneratedRecord> late = data.withOrigin(RecordLabel.Origin.LATE);
        assertThat(late).hasSize(3).allSatisfy(r -> {
            Instant ownWatermark = data.records().stream()
                    .filter(e -> e.partition() == 0 && e.label().arrival() < r.label().arrival())
                    .map(GeneratedRecord::eventTime).max(Instant::compareTo).orElseThrow().minusSeconds(1);
            assertThat(r.label().watermarkOnArrival().highest()).contains(ownWatermark);
            assertThat(r.lateness()).isEqualTo(Lateness.DEPENDS_ON_INTERLEAVING);
        });
    }

    @Test
    void with_periodic_emission_lateness_depends_on_emission_timing() {
        GeneratedData data = clicks().records(1_000).watermark(Duration.ofSeconds(1))
                .lateRecords(3, Duration.ofSeconds(20)).generate();

        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).extracting(r -> r.label().lateness())
                .containsOnly(Lateness.DEPENDS_ON_EMISSION_TIMING);
    }

    @Test
    void duplicates_are_exact_copies_of_distinct_originals_arriving_soon_after_in_the_same_partition() {
        GeneratedData data = clicks().records(10_000).placement(Placement.roundRobin(4)).seed(9)
                .duplicates(Duplicates.count(300).withinRecords(5)).generate();

        List<GeneratedRecord> dups = data.withOrigin(RecordLabel.Origin.DUPLICATE);
        assertThat(dups).hasSize(300);
        assertThat(dups.stream().map(d -> d.label().duplicateOf().getAsLong()).distinct().count()).isEqualTo(300);
        assertThat(dups).allSatisfy(d -> {
            GeneratedRecord original = data.records().get((int) d.label().duplicateOf().getAsLong());
            assertThat(original.label().origin()).isEqualTo(RecordLabel.Origin.GENERATED);
            assertThat(d.value()).isEqualTo(original.value());
            assertThat(d.label().partition()).isEqualTo(original.label().partition());
            assertThat(d.label().arrival() - original.label().arrival()).isBetween(1L, 5L + 300L);
        });
    }

    @Test
    void shifted_duplicates_move_the_event_time_field_too() {
        GeneratedData data = clicks().records(100)
                .duplicates(Duplicates.fraction(0.1).shiftedBy(Duration.ofSeconds(2))).generate();

        List<GeneratedRecord> dups = data.withOrigin(RecordLabel.Origin.DUPLICATE);
        assertThat(dups).hasSize(10).allSatisfy(d -> {
            GeneratedRecord original = data.records().get((int) d.label().duplicateOf().getAsLong());
            assertThat(d.label().eventTime()).isEqualTo(original.label().eventTime().plusSeconds(2));
            assertThat(d.value().get("ts")).isEqualTo(((LocalDateTime) original.value().get("ts")).plusSeconds(2));
            assertThat(d.value().get("user_id")).isEqualTo(original.value().get("user_id"));
        });
    }

    @Test
    void distinct_gives_exactly_that_many_keys_and_zipf_makes_a_few_of_them_hot() {
        GeneratedData uniform = clicks().records(20_000).field("user_id", FieldRule.random().distinct(50))
                .generate();
        GeneratedData skewed = clicks().records(20_000).field("user_id", FieldRule.random().distinct(50).zipf(1.5))
                .generate();

        assertThat(counts(uniform, "user_id")).hasSize(50).containsKey("user_id-1");
        Map<Object, Long> hot = counts(skewed, "user_id");
        assertThat(hot).hasSize(50);
        long top = hot.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(top).isGreaterThan(20_000 / 4);
        assertThat(counts(uniform, "user_id").values()).allSatisfy(c -> assertThat(c).isBetween(300L, 520L));
    }

    @Test
    void distinct_with_a_null_rate_keeps_the_distinct_count_exact() {
        GeneratedData data = clicks().records(500).field("page", FieldRule.pattern("[a-z]{6}").distinct(400)
                .nullRate(0.5)).generate();

        Map<Object, Long> pages = counts(data, "page");
        assertThat(pages.keySet().stream().filter(p -> !"null".equals(String.valueOf(p))).count()).isEqualTo(400);
    }

    @Test
    void rules_give_constants_sequences_ranges_weighted_choices_patterns_and_copies() {
        RecordSchema schema = Schemas.row("ROW<id BIGINT, region STRING, qty INT, price DECIMAL(6, 2),"
                + " status STRING, sku STRING, sku_copy STRING, at DATE, ts TIMESTAMP_LTZ(3)>")
                .withEventTimeField("ts");
        GeneratedData data = DataGenerator.forSchema(schema).records(10_000)
                .field("id", FieldRule.sequence(1000, 5))
                .field("region", FieldRule.constant("eu"))
                .field("qty", FieldRule.range(1, 3))
                .field("price", FieldRule.range("0.50", "2.00"))
                .field("status", FieldRule.oneOf("NEW", "PAID").weights(9, 1))
                .field("sku", FieldRule.pattern("[A-Z]{3}-[0-9]{4}"))
                .field("sku_copy", FieldRule.ref("sku"))
                .field("at", FieldRule.range("2026-01-01", "2026-01-31"))
                .generate();

        List<Struct> rows = data.stream().map(GeneratedRecord::value).toList();
        assertThat(rows.get(0).get("id")).isEqualTo(1000L);
        assertThat(rows.get(3).get("id")).isEqualTo(1015L);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("region")).isEqualTo("eu");
            assertThat((Integer) r.get("qty")).isBetween(1, 3);
            assertThat((java.math.BigDecimal) r.get("price")).isBetween(new java.math.BigDecimal("0.50"),
                    new java.math.BigDecimal("2.00"));
            assertThat(((java.math.BigDecimal) r.get("price")).scale()).isEqualTo(2);
            assertThat((String) r.get("sku")).matches("[A-Z]{3}-[0-9]{4}");
            assertThat(r.get("sku_copy")).isEqualTo(r.get("sku"));
            assertThat(r.get("ts")).isInstanceOf(Instant.class);
        });
        assertThat(counts(data, "qty")).containsOnlyKeys(1, 2, 3);
        assertThat(counts(data, "status").get("NEW")).isBetween(8_700L, 9_300L);
        assertThat(counts(data, "at")).hasSize(31);
    }

    @Test
    void null_rate_gives_about_that_share_of_nulls() {
        GeneratedData data = clicks().records(10_000).field("page", FieldRule.random().nullRate(0.2)).generate();

        long nulls = data.stream().filter(r -> r.value().get("page") == null).count();
        assertThat(nulls).isBetween(1_800L, 2_200L);
    }

    @Test
    void nested_fields_take_rules_by_dotted_path() {
        RecordSchema schema = Schemas.row("ROW<id INT, address ROW<city STRING, zip STRING>, tags ARRAY<STRING>,"
                + " attrs MAP<STRING, INT>>");
        GeneratedData data = DataGenerator.forSchema(schema).records(100)
                .field("address.city", FieldRule.oneOf("Berlin", "Lyon")).generate();

        assertThat(data.records()).allSatisfy(r -> {
            assertThat(r.value().get("address.city")).isIn("Berlin", "Lyon");
            assertThat((String) r.value().get("address.zip")).isNotEmpty();
            assertThat((List<?>) r.value().get("tags")).hasSizeLessThanOrEqualTo(3);
            assertThat((Map<?, ?>) r.value().get("attrs")).hasSizeLessThanOrEqualTo(3);
        });
    }

    @Test
    void explicit_rows_are_mixed_in_by_event_time_with_the_missing_fields_generated() {
        GeneratedData data = clicks().records(10)
                .explicit(ExplicitRow.of(Map.of("user_id", "whale", "amount", "1000000")).at(T0.plusMillis(450)),
                        ExplicitRow.of(Map.of("user_id", "first", "ts", "2026-03-01 09:59:59.000")))
                .generate();

        assertThat(data.records().get(0).value().get("user_id")).isEqualTo("first");
        GeneratedRecord whale = data.records().get(6);
        assertThat(whale.value().get("user_id")).isEqualTo("whale");
        assertThat(whale.value().get("amount")).isEqualTo(1_000_000);
        assertThat(whale.value().get("ts")).isEqualTo(LocalDateTime.parse("2026-03-01T10:00:00.450"));
        assertThat(whale.label().origin()).isEqualTo(RecordLabel.Origin.EXPLICIT);
        assertThat((String) whale.value().get("page")).isNotEmpty();
    }

    @Test
    void round_robin_leaves_idle_partitions_empty_and_weights_skew_the_others() {
        GeneratedData rr = clicks().records(1_000).placement(Placement.roundRobin(4).idle(1, 3)).generate();
        GeneratedData weighted = clicks().records(10_000).placement(Placement.weighted(8, 1, 1, 0)).generate();

        assertThat(perPartition(rr)).containsExactly(500L, 0L, 500L, 0L);
        long[] w = perPartition(weighted);
        assertThat(w[0]).isBetween(7_700L, 8_300L);
        assertThat(w[3]).isZero();
    }

    @Test
    void key_hash_placement_matches_kafkas_default_partitioner() {
        RecordSchema schema = Schemas.clicks().withKeyFields(List.of("user_id"));
        RecordEncoder keyBytes = key -> ((String) key.get("user_id")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        GeneratedData data = DataGenerator.forSchema(schema).records(500).keyEncoder(keyBytes)
                .field("user_id", FieldRule.random().distinct(20)).placement(Placement.keyHash(6)).generate();

        assertThat(data.records()).allSatisfy(r -> {
            byte[] key = keyBytes.encode(r.key().orElseThrow());
            int expected = org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(key)) % 6;
            assertThat(r.label().partition()).isEqualTo(expected);
        });
        Map<Object, Set<Integer>> partitionsPerKey = data.stream().collect(Collectors.groupingBy(
                r -> r.value().get("user_id"), Collectors.mapping(r -> r.label().partition(), Collectors.toSet())));
        assertThat(partitionsPerKey.values()).allSatisfy(ps -> assertThat(ps).hasSize(1));
    }

    @Test
    void key_hash_placement_hashes_the_key_the_way_the_tables_key_format_writes_it() {
        RecordSchema table = RecordSchema.fromDdl("""
                CREATE TABLE orders (order_id STRING, amount INT) WITH ('connector' = 'kafka',
                  'key.format' = 'json', 'key.fields' = 'order_id', 'value.format' = 'json')""");
        GeneratedData data = DataGenerator.forSchema(table).records(200)
                .field("order_id", FieldRule.random().distinct(40)).placement(Placement.keyHash(3)).generate();

        RecordEncoder keys = RecordEncoders.forTableKey(table);
        assertThat(data.records()).allSatisfy(r -> assertThat(r.partition()).isEqualTo(
                org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                        keys.encode(r.value()))) % 3));
        assertThat(new String(data.toTestRecords().get(0).keyBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"order_id\":\"order_id-");
    }

    @Test
    void trailing_records_move_every_open_partition_past_the_last_window() {
        GeneratedData data = clicks().records(95).placement(Placement.roundRobin(3).idle(2))
                .time(TimeModel.startingAt(T0).every(Duration.ofSeconds(1)))
                .watermark(DeclaredWatermark.delay(Duration.ofSeconds(5)).onEvent())
                .trailing(Trailing.pastLastWindow(Duration.ofMinutes(1))).generate();

        List<GeneratedRecord> trailing = data.withOrigin(RecordLabel.Origin.TRAILING);
        // the last record is at 10:01:34, in window [10:01, 10:02); the watermark must reach 10:02
        assertThat(trailing).extracting(r -> r.label().partition()).containsExactly(0, 1);
        assertThat(trailing).extracting(r -> r.label().eventTime())
                .containsOnly(Instant.parse("2026-03-01T10:02:05Z"));
    }

    @Test
    void the_summary_counts_origins_lateness_and_partitions_and_names_the_seed() {
        GeneratedData data = clicks().records(100).seed(77).placement(Placement.roundRobin(2))
                .duplicates(Duplicates.count(2)).generate();

        assertThat(data.summary()).isEqualTo("102 records (generated 100, duplicate 2; unknown 102),"
                + " per partition [52, 50], seed 77");
    }

    @Test
    void avro_logical_types_and_enums_are_honoured() {
        RecordSchema schema = RecordSchema.fromAvro(java.nio.file.Path.of("src/test/resources/data/click.avsc"))
                .withEventTimeField("ts");
        GeneratedData data = DataGenerator.forSchema(schema).records(300).generate();

        assertThat(data.records()).allSatisfy(r -> {
            assertThat((String) r.value().get("click_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(r.value().get("device")).isIn("WEB", "IOS", "ANDROID");
            assertThat(r.value().get("ts")).isInstanceOf(Instant.class);
            assertThat(r.value().get("day")).isInstanceOf(java.time.LocalDate.class);
            assertThat(((java.math.BigDecimal) r.value().get("amount")).scale()).isEqualTo(2);
        });
    }

    private static long millis(GeneratedData data, int i) {
        return data.records().get(i).label().eventTime().toEpochMilli();
    }

    private static Map<Object, Long> counts(GeneratedData data, String field) {
        Map<Object, Long> counts = new HashMap<>();
        data.forEach(r -> counts.merge(String.valueOf(r.value().get(field)).equals("null") ? "null"
                : r.value().get(field), 1L, Long::sum));
        return counts;
    }

    private static long[] perPartition(GeneratedData data) {
        long[] out = new long[data.partitions()];
        data.forEach(r -> out[r.label().partition()]++);
        return out;
    }

    @Test
    void aWatermarkDelayKeepsTheDeclaredEmission() {
        RecordSchema onEvent = RecordSchema.fromDdl("""
                CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
                WITH ('connector' = 'kafka', 'format' = 'json', 'scan.watermark.emit.strategy' = 'on-event')""");

        GeneratedData data = DataGenerator.forSchema(onEvent).records(100).watermark(Duration.ofSeconds(1))
                .lateRecords(3, Duration.ofSeconds(10)).generate();

        assertThat(data.withLateness(Lateness.LATE)).as("on-event emission on one partition: certainly late")
                .hasSize(3);
        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).allSatisfy(r -> assertThat(
                r.label().watermarkOnArrival().lowest()).isEqualTo(r.label().watermarkOnArrival().highest()));
    }
}
