package io.flinkharness.data;

import io.flinkharness.data.internal.Generation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seeded, schema-driven test records with controlled event time: spacing, bounded disorder, late records,
 * duplicates, partition placement, idle partitions and trailing watermark records. Immutable: every method returns
 * a new generator. One seed gives the same records, in the same order, on every machine.
 *
 * <pre>{@code
 * GeneratedData clicks = DataGenerator.forSchema(RecordSchema.fromAvro(avsc))
 *     .seed(7)
 *     .records(1_000)
 *     .field("user_id", FieldRule.random().distinct(50).zipf(1.1))
 *     .field("page", FieldRule.oneOf("/home", "/cart", "/pay").weights(6, 3, 1))
 *     .eventTime("ts", TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
 *     .watermark(DeclaredWatermark.delay(Duration.ofSeconds(5)).onEvent())
 *     .outOfOrder(Duration.ofSeconds(3), 0.2)
 *     .lateRecords(5, Duration.ofSeconds(30))
 *     .duplicates(Duplicates.count(10))
 *     .placement(Placement.roundRobin(4).idle(3))
 *     .generate();
 * }</pre>
 */
public final class DataGenerator {
    /** The default first event time: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
    /** The default seed; give each test its own with {@link #seed(long)} to vary the data. */
    public static final long DEFAULT_SEED = 1;

    private final Settings s;

    private DataGenerator(Settings settings) {
        this.s = settings;
    }

    /** A generator of 100 records a second apart from {@link #DEFAULT_START}, in one partition. */
    public static DataGenerator forSchema(RecordSchema schema) {
        Objects.requireNonNull(schema, "schema cannot be null");
        return new DataGenerator(new Settings(schema, DEFAULT_SEED, 100, Map.of(), schema.eventTimeField(),
                TimeModel.startingAt(DEFAULT_START), schema.watermark(), Disorder.none(), Optional.empty(),
                Optional.empty(), Placement.single(), Optional.empty(), List.of(), Optional.empty()));
    }

    /** Everything a generator is set to; read by the generation engine. */
    public record Settings(
            RecordSchema schema,
            long seed,
            int records,
            Map<String, FieldRule> rules,
            Optional<String> eventTimeField,
            TimeModel time,
            Optional<DeclaredWatermark> watermark,
            Disorder disorder,
            Optional<LateRecords> late,
            Optional<Duplicates> duplicates,
            Placement placement,
            Optional<Trailing> trailing,
            List<ExplicitRow> explicitRows,
            Optional<RecordEncoder> keyEncoder) {
        public Settings {
            rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
            explicitRows = List.copyOf(explicitRows);
        }
    }

    public Settings settings() {
        return s;
    }

    public DataGenerator seed(long seed) {
        return with(new Settings(s.schema, seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    /** How many records the rules generate (explicit, duplicate, late and trailing records come on top). */
    public DataGenerator records(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("records cannot be negative, got " + count);
        }
        return with(new Settings(s.schema, s.seed, count, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    /** The rule for one field; a dotted path reaches into a nested row ({@code "address.city"}). */
    public DataGenerator field(String path, FieldRule rule) {
        Objects.requireNonNull(path, "path cannot be null");
        Objects.requireNonNull(rule, "rule cannot be null");
        Map<String, FieldRule> rules = new LinkedHashMap<>(s.rules);
        rules.put(path, rule);
        return with(new Settings(s.schema, s.seed, s.records, rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    /** The field that holds the event time (the Kafka record timestamp always carries it too). */
    public DataGenerator eventTime(String field) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, Optional.of(field), s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    /** How event time advances. */
    public DataGenerator time(TimeModel model) {
        Objects.requireNonNull(model, "model cannot be null");
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, model, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    public DataGenerator eventTime(String field, TimeModel model) {
        return eventTime(field).time(model);
    }

    /** The watermark the table declares (overrides what the schema's DDL says). */
    public DataGenerator watermark(DeclaredWatermark declared) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time,
                Optional.of(declared), s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows,
                s.keyEncoder));
    }

    /**
     * The watermark delay, keeping how the watermark is emitted (on event or periodically) as the schema declares
     * it; periodic if the schema declares no watermark.
     */
    public DataGenerator watermark(Duration delay) {
        return watermark(s.watermark.map(w -> new DeclaredWatermark(delay, w.emission()))
                .orElse(DeclaredWatermark.delay(delay)));
    }

    public DataGenerator outOfOrder(Duration maxDelay, double fraction) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                new Disorder(maxDelay, fraction), s.late, s.duplicates, s.placement, s.trailing, s.explicitRows,
                s.keyEncoder));
    }

    public DataGenerator lateRecords(int count, Duration behindWatermark) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, Optional.of(new LateRecords(count, behindWatermark)), s.duplicates, s.placement,
                s.trailing, s.explicitRows, s.keyEncoder));
    }

    public DataGenerator duplicates(Duplicates dups) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, Optional.of(dups), s.placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    public DataGenerator placement(Placement placement) {
        Objects.requireNonNull(placement, "placement cannot be null");
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, placement, s.trailing, s.explicitRows, s.keyEncoder));
    }

    public DataGenerator trailing(Trailing trailing) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, Optional.of(trailing), s.explicitRows,
                s.keyEncoder));
    }

    /** Rows written by the test, mixed in by event time. */
    public DataGenerator explicit(ExplicitRow... rows) {
        List<ExplicitRow> all = new ArrayList<>(s.explicitRows);
        all.addAll(List.of(rows));
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, all, s.keyEncoder));
    }

    /** The bytes key-hash placement hashes: the key as the table's key format writes it. */
    public DataGenerator keyEncoder(RecordEncoder encoder) {
        return with(new Settings(s.schema, s.seed, s.records, s.rules, s.eventTimeField, s.time, s.watermark,
                s.disorder, s.late, s.duplicates, s.placement, s.trailing, s.explicitRows, Optional.of(encoder)));
    }

    /**
     * Checks every setting, then generates. Throws {@link GeneratorException} listing every problem (field and rule
     * named) before generating anything.
     */
    public GeneratedData generate() {
        return Generation.run(s);
    }

    private static DataGenerator with(Settings settings) {
        return new DataGenerator(settings);
    }
}
