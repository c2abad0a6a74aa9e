package io.flinkharness.data.internal;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Labels records in produce order. Flink SQL's watermark for one partition is its largest event time so far minus
 * the delay; the source watermark is the minimum over the partitions whose splits are still being read. When a
 * record arrives, its own partition has been read up to it, but the other partitions may have been read anywhere
 * from not at all to completely, and a split that has been read to its end is released and no longer holds the
 * watermark back ({@code SourceReaderBase} releases the output of every finished split): so the highest watermark
 * it can meet is its own partition's, and the lowest is no watermark at all unless the topic has a single
 * partition. Periodic emission can lag behind either, so it lowers the lowest bound to "no watermark".
 */
final class Labeller {
    private static final long NONE = Long.MIN_VALUE;

    private Labeller() {
    }

    static GeneratedData label(DataGenerator.Settings s, RecordPlan plan, List<Entry> entries) {
        int partitions = s.placement().partitions();
        Optional<DeclaredWatermark> wm = s.watermark();
        long delay = wm.map(w -> w.delay().toMillis()).orElse(0L);
        boolean onEvent = wm.map(w -> w.emission() == DeclaredWatermark.Emission.ON_EVENT).orElse(false);
        long[] max = new long[partitions];
        Arrays.fill(max, NONE);
        long[] position = new long[partitions];
        List<String> keyFields = s.schema().keyFields();
        List<GeneratedRecord> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            e.arrival = i;
            int p = e.partition;
            long own = max[p] == NONE ? NONE : max[p] - delay;
            // the other partitions may all have been read to their end (bounded) or gone idle: then only this
            // partition holds the watermark
            long highest = own;
            // only a one-partition topic is read in produce order; with more partitions, even empty ones hold the
            // watermark back until their split finishes (bounded) or goes idle (unbounded, idle timeout)
            boolean alone = partitions == 1;
            long lowest = alone && onEvent ? own : NONE;
            Lateness lateness = wm.isEmpty() ? Lateness.UNKNOWN
                    : lateness(e.eventMillis, lowest, highest, alone);
            out.add(new GeneratedRecord(plan.struct(e.values), keyFields, e.eventMillis, i, p, position[p]++,
                    e.origin, e.duplicateOf == null ? -1 : e.duplicateOf.arrival, e.displaced, lateness, lowest,
                    highest));
            max[p] = Math.max(max[p], e.eventMillis);
        }
        return new GeneratedData(s.seed(), s.schema(), partitions, out);
    }

    private static Lateness lateness(long t, long lowest, long highest, boolean alone) {
        if (highest == NONE || t > highest) {
            return Lateness.ON_TIME;
        }
        if (lowest != NONE && t <= lowest) {
            return Lateness.LATE;
        }
        return alone ? Lateness.DEPENDS_ON_EMISSION_TIMING : Lateness.DEPENDS_ON_INTERLEAVING;
    }

}
