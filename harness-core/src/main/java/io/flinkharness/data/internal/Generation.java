package io.flinkharness.data.internal;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.ExplicitRow;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratorException;
import io.flinkharness.data.RecordLabel.Origin;
import io.flinkharness.data.RecordSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Runs a generator's settings: checks them all, generates the base records on the time model, mixes in explicit
 * rows, then arranges arrival order (disorder), partitions, duplicates, late and trailing records, and labels
 * every record. Each step draws from its own seeded stream, so changing one setting leaves the others' draws alone.
 */
public final class Generation {
    private final DataGenerator.Settings s;
    private final long seed;
    private long nextIndex;

    private Generation(DataGenerator.Settings settings) {
        this.s = settings;
        this.seed = settings.seed();
    }

    public static GeneratedData run(DataGenerator.Settings settings) {
        return new Generation(settings).generate();
    }

    private GeneratedData generate() {
        List<String> problems = new ArrayList<>();
        RecordSchema schema = s.schema();
        int n = s.records();
        long startMillis = s.time().start().toEpochMilli();
        checkTimeSettings(n, problems);
        Optional<io.flinkharness.data.RecordEncoder> keyEncoder = keyEncoder(problems);
        Partitioner.check(s.placement(), schema.keyFields(), keyEncoder, schema.fieldNames(), problems);
        RecordPlan plan = RecordPlan.compile(schema, s.rules(), s.eventTimeField(), seed, n, startMillis, problems);
        List<Map<String, Object>> explicit = explicitValues(schema.rowType(), problems);
        if (!problems.isEmpty()) {
            throw new GeneratorException(schema.description(), problems);
        }
        nextIndex = n;
        List<Entry> entries = base(plan, n);
        addExplicit(plan, explicit, entries);
        Arrangement arrange = new Arrangement(s, plan, entries, seed, this::nextIndex);
        arrange.disorder(n);
        Partitioner partitioner = new Partitioner(s.placement(), plan, schema.keyFields(), keyEncoder,
                SplitMix.forStream(seed, "placement"));
        arrange.place(partitioner);
        arrange.duplicates(n);
        arrange.late(partitioner);
        arrange.trailing(partitioner);
        return Labeller.label(s, plan, arrange.entries());
    }

    /** The encoder whose bytes key-hash placement hashes: as set, or the one the schema implies. */
    private Optional<io.flinkharness.data.RecordEncoder> keyEncoder(List<String> problems) {
        if (s.keyEncoder().isPresent() || s.placement().kind() != io.flinkharness.data.Placement.Kind.KEY_HASH) {
            return s.keyEncoder();
        }
        try {
            return io.flinkharness.data.RecordEncoders.defaultKeyFor(s.schema(), Optional.empty());
        } catch (IllegalArgumentException e) {
            problems.add("placement keyHash: cannot encode the key to hash it: " + e.getMessage());
            return Optional.empty();
        }
    }

    private long nextIndex() {
        return nextIndex++;
    }

    private List<Entry> base(RecordPlan plan, int n) {
        long[] times = TimeLine.times(s.time(), n, SplitMix.forStream(seed, "time"));
        List<Entry> entries = new ArrayList<>(n + n / 8 + 16);
        for (int i = 0; i < n; i++) {
            entries.add(new Entry(plan.generate(i, times[i]), times[i], Origin.GENERATED));
        }
        return entries;
    }

    private void addExplicit(RecordPlan plan, List<Map<String, Object>> explicit, List<Entry> entries) {
        if (explicit.isEmpty()) {
            return;
        }
        for (int k = 0; k < explicit.size(); k++) {
            ExplicitRow row = s.explicitRows().get(k);
            long t = eventMillisOf(row, explicit.get(k));
            Entry e = new Entry(plan.complete(explicit.get(k), nextIndex(), t), t, Origin.EXPLICIT);
            row.partition().ifPresent(p -> e.partition = p);
            entries.add(e);
        }
        entries.sort(java.util.Comparator.comparingLong(e -> e.eventMillis));
    }

    private long eventMillisOf(ExplicitRow row, Map<String, Object> values) {
        if (row.at().isPresent()) {
            return row.at().get().toEpochMilli();
        }
        return Times.millisOf(values.get(s.eventTimeField().orElseThrow()));
    }

    private List<Map<String, Object>> explicitValues(RowType rowType, List<String> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < s.explicitRows().size(); k++) {
            ExplicitRow row = s.explicitRows().get(k);
            Map<String, Object> coerced = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : row.values().entrySet()) {
                int i = rowType.getFieldNames().indexOf(e.getKey());
                if (i < 0) {
                    problems.add("explicit row " + (k + 1) + ": no field '" + e.getKey() + "' (fields: "
                            + String.join(", ", rowType.getFieldNames()) + ")");
                    continue;
                }
                try {
                    LogicalType type = rowType.getTypeAt(i);
                    coerced.put(e.getKey(), Literals.coerce(type, e.getValue()));
                } catch (Literals.LiteralException ex) {
                    problems.add("explicit row " + (k + 1) + " field '" + e.getKey() + "': " + ex.getMessage());
                }
            }
            boolean timed = row.at().isPresent()
                    || s.eventTimeField().map(f -> coerced.get(f) != null).orElse(false);
            if (!timed) {
                problems.add("explicit row " + (k + 1) + ": no event time; give it with .at(instant)"
                        + s.eventTimeField().map(f -> " or a value for '" + f + "'").orElse(""));
            }
            int partitions = s.placement().partitions();
            if (row.partition().isPresent() && row.partition().getAsInt() >= partitions) {
                problems.add("explicit row " + (k + 1) + ": partition " + row.partition().getAsInt()
                        + " is not in 0.." + (partitions - 1));
            }
            out.add(coerced);
        }
        return out;
    }

    private void checkTimeSettings(int n, List<String> problems) {
        String phases = TimeLine.check(s.time(), n);
        if (phases != null) {
            problems.add(phases);
        }
        Optional<DeclaredWatermark> wm = s.watermark();
        s.late().ifPresent(late -> {
            if (late.count() > 0 && wm.isEmpty()) {
                problems.add("lateRecords(" + late.count() + ", " + late.behindWatermark() + "): no watermark is"
                        + " declared, so nothing is late; declare it with watermark(Duration) or a WATERMARK clause");
            }
        });
        s.trailing().ifPresent(t -> {
            if (wm.isEmpty()) {
                problems.add("trailing records move the watermark, but no watermark is declared; declare it with"
                        + " watermark(Duration) or a WATERMARK clause");
            }
        });
        s.duplicates().ifPresent(d -> {
            if (d.countFor(n) > n) {
                problems.add("duplicates(" + d.countFor(n) + "): more duplicates than the " + n
                        + " generated records to copy; ask for at most " + n);
            }
        });
    }
}
