package io.flinkharness.data.internal;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.LateRecords;
import io.flinkharness.data.RecordLabel.Origin;
import io.flinkharness.data.Trailing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Puts the records in produce order and adds the records that exist because of time: displaced records, copies,
 * late and trailing records. Every step draws from its own seeded stream.
 */
final class Arrangement {
    private static final long NO_WATERMARK = Long.MIN_VALUE;

    private final DataGenerator.Settings s;
    private final RecordPlan plan;
    private final long seed;
    private final LongSupplier nextIndex;
    private List<Entry> entries;

    Arrangement(DataGenerator.Settings s, RecordPlan plan, List<Entry> entries, long seed, LongSupplier nextIndex) {
        this.s = s;
        this.plan = plan;
        this.entries = entries;
        this.seed = seed;
        this.nextIndex = nextIndex;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Displaces exactly round(fraction x base) generated records by 1 ms .. maxDelay each. */
    void disorder(int baseCount) {
        int k = (int) Math.round(s.disorder().fraction() * baseCount);
        if (k == 0) {
            return;
        }
        SplitMix rng = SplitMix.forStream(seed, "disorder");
        long maxMs = Math.max(1, s.disorder().maxDelay().toMillis());
        for (int i : sample(generatedPositions(), k, rng)) {
            Entry e = entries.get(i);
            e.displaced = true;
            e.arrivalKey = e.eventMillis + rng.between(1, maxMs);
        }
        entries.sort(Comparator.comparingLong(e -> e.arrivalKey));
    }

    void place(Partitioner partitioner) {
        for (Entry e : entries) {
            if (e.partition < 0) {
                e.partition = partitioner.partitionOf(e.values);
            }
        }
    }

    /** Copies of distinct generated records, each 1..maxGap records after its original, same partition. */
    void duplicates(int baseCount) {
        if (s.duplicates().isEmpty()) {
            return;
        }
        Duplicates d = s.duplicates().get();
        int count = d.countFor(baseCount);
        if (count == 0) {
            return;
        }
        SplitMix rng = SplitMix.forStream(seed, "duplicates");
        long shift = d.shift().toMillis();
        List<long[]> inserts = new ArrayList<>();
        List<Entry> copies = new ArrayList<>();
        for (int i : sample(generatedPositions(), count, rng)) {
            Entry original = entries.get(i);
            long t = original.eventMillis + shift;
            Object[] values = shift == 0 ? original.values : plan.withEventTime(original.values, t);
            Entry copy = new Entry(values, t, Origin.DUPLICATE);
            copy.partition = original.partition;
            copy.duplicateOf = original;
            long after = Math.min(i + rng.between(1, d.maxGap()) - 1, entries.size() - 1);
            inserts.add(new long[] {after, copies.size()});
            copies.add(copy);
        }
        inserts.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        List<Entry> out = new ArrayList<>(entries.size() + count);
        int next = 0;
        for (int i = 0; i < entries.size(); i++) {
            out.add(entries.get(i));
            while (next < inserts.size() && inserts.get(next)[0] == i) {
                out.add(copies.get((int) inserts.get(next++)[1]));
            }
        }
        entries = out;
    }

    /**
     * Late records, each {@code behindWatermark} below the watermark the records before it produce in produce
     * order (the minimum over the partitions that get records, of their largest event time, minus the delay).
     */
    void late(Partitioner partitioner) {
        if (s.late().isEmpty() || s.late().get().count() == 0) {
            return;
        }
        LateRecords late = s.late().get();
        long[] wm = watermarksBefore();
        int[] candidates = java.util.stream.IntStream.range(0, wm.length).filter(j -> wm[j] != NO_WATERMARK)
                .toArray();
        if (candidates.length == 0) {
            throw new io.flinkharness.data.GeneratorException(s.schema().description(), List.of("lateRecords("
                    + late.count() + ", " + late.behindWatermark() + "): the watermark never exists before a place"
                    + " to put them: every partition that gets records needs records first; generate more"
                    + " records"));
        }
        SplitMix rng = SplitMix.forStream(seed, "late");
        int[] at = new int[late.count()];
        for (int k = 0; k < at.length; k++) {
            at[k] = candidates[rng.belowInt(candidates.length)];
        }
        Arrays.sort(at);
        long behind = late.behindWatermark().toMillis();
        List<Entry> out = new ArrayList<>(entries.size() + at.length);
        int next = 0;
        for (int j = 0; j <= entries.size(); j++) {
            while (next < at.length && at[next] == j) {
                long t = wm[j] - behind;
                Entry e = new Entry(plan.generate(nextIndex.getAsLong(), t), t, Origin.LATE);
                e.partition = partitioner.partitionOfAdded(e.values);
                out.add(e);
                next++;
            }
            if (j < entries.size()) {
                out.add(entries.get(j));
            }
        }
        entries = out;
    }

    /** One record per open partition, late enough in event time to move the watermark to the target. */
    void trailing(Partitioner partitioner) {
        if (s.trailing().isEmpty() || entries.isEmpty()) {
            return;
        }
        Trailing t = s.trailing().get();
        long max = entries.stream().mapToLong(e -> e.eventMillis).max().orElseThrow();
        long target = t.windowSize().map(size -> {
            long ms = size.toMillis();
            return Math.floorDiv(max, ms) * ms + ms;
        }).orElse(Long.MIN_VALUE);
        if (t.watermarkAtLeast().isPresent()) {
            target = Math.max(target, t.watermarkAtLeast().get().toEpochMilli());
        }
        long ts = target + s.watermark().orElseThrow().delay().toMillis();
        for (int p : partitioner.openPartitions()) {
            Entry e = new Entry(plan.generate(nextIndex.getAsLong(), ts), ts, Origin.TRAILING);
            e.partition = p;
            entries.add(e);
        }
    }

    /** The produce-order watermark before each position (and after the last), or NO_WATERMARK. */
    private long[] watermarksBefore() {
        int partitions = s.placement().partitions();
        boolean[] active = new boolean[partitions];
        entries.forEach(e -> active[e.partition] = true);
        long[] max = new long[partitions];
        Arrays.fill(max, NO_WATERMARK);
        long delay = s.watermark().orElseThrow().delay().toMillis();
        long[] wm = new long[entries.size() + 1];
        for (int j = 0; j <= entries.size(); j++) {
            long min = Long.MAX_VALUE;
            for (int p = 0; p < partitions && min != NO_WATERMARK; p++) {
                if (active[p]) {
                    min = Math.min(min, max[p]);
                }
            }
            wm[j] = min == NO_WATERMARK ? NO_WATERMARK : min - delay;
            if (j < entries.size()) {
                Entry e = entries.get(j);
                max[e.partition] = Math.max(max[e.partition], e.eventMillis);
            }
        }
        return wm;
    }

    private int[] generatedPositions() {
        int[] out = new int[entries.size()];
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).origin == Origin.GENERATED) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** k distinct elements of {@code from}, in ascending order. */
    private static int[] sample(int[] from, int k, SplitMix rng) {
        int[] pool = from.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.belowInt(pool.length - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        int[] picked = Arrays.copyOf(pool, k);
        Arrays.sort(picked);
        return picked;
    }
}
