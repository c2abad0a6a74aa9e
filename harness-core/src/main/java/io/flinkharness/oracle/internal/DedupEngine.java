package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.oracle.Flagged;
import io.flinkharness.rows.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a ROW_NUMBER deduplication from labelled records the way Flink 2.2 runs it (mini-batch off, the default):
 * <ul>
 *   <li>keep first on event time ({@code RowTimeDeduplicateKeepFirstRowFunction}, insert-only): a record whose
 *       rowtime is below the watermark when it arrives is dropped as late; of the others the smallest rowtime wins,
 *       the earliest arrival among equal rowtimes; the winner is emitted when the watermark reaches its rowtime;</li>
 *   <li>keep last on event time ({@code RowTimeDeduplicateFunction}): no record is late; a record replaces the kept
 *       one when its rowtime is at least as large, so the largest rowtime wins, the latest arrival among equal
 *       ones; every replacement is emitted as an update;</li>
 *   <li>on processing time: the first (insert-only) or last (updates) record to arrive.</li>
 * </ul>
 * Records of one partition arrive in their order; the order across partitions is not known, so a key whose winner
 * depends on it, or on whether an uncertain record is late, is flagged. Not part of the public API.
 */
public final class DedupEngine {
    private final DedupPlan plan;
    private final GeneratedData data;
    private final List<GeneratedRecord> late = new ArrayList<>();

    private DedupEngine(DedupPlan plan, GeneratedData data) {
        this.plan = plan;
        this.data = data;
    }

    /** @throws IllegalArgumentException listing every problem of the query with this data */
    public static Outcome run(DedupQuery query, GeneratedData data) {
        return new DedupEngine(DedupPlan.of(query, data), data).outcome();
    }

    private Outcome outcome() {
        Map<List<Object>, List<GeneratedRecord>> byKey = new LinkedHashMap<>();
        for (GeneratedRecord record : data) {
            List<Object> key = new ArrayList<>(plan.keys.size());
            plan.keys.forEach(k -> key.add(k.valueIn(record.value())));
            byKey.computeIfAbsent(Values.groupingKey(key), k -> new ArrayList<>()).add(record);
        }
        RowRenderer renderer = new RowRenderer(plan.columnNames(), plan.columnTypes());
        List<Row> rows = new ArrayList<>();
        List<Flagged> flagged = new ArrayList<>();
        for (List<GeneratedRecord> records : byKey.values()) {
            Decision decision = decide(records);
            if (decision.reason != null) {
                Row row = renderer.render(output(records.get(0)));
                flagged.add(new Flagged(WindowEngine.project(row, plan.keyColumns), decision.reason,
                        decision.concerned));
            } else if (decision.winner != null) {
                rows.add(renderer.render(output(decision.winner)));
            }
        }
        return new Outcome(rows, flagged, plan.keyColumns, explain(rows, flagged, byKey.size()));
    }

    private List<Object> output(GeneratedRecord record) {
        return plan.selected.stream().map(f -> f.valueIn(record.value())).toList();
    }

    /** The winner of one key, or why it depends on timing. */
    private record Decision(GeneratedRecord winner, String reason, List<GeneratedRecord> concerned) {
        static Decision of(GeneratedRecord winner) {
            return new Decision(winner, null, List.of());
        }
    }

    private Decision decide(List<GeneratedRecord> records) {
        if (!plan.query.eventTime()) {
            return byArrival(records, !plan.query.keepLast());
        }
        if (plan.query.keepLast()) {
            long max = records.stream().mapToLong(DedupEngine::time).max().orElseThrow();
            return byArrival(records.stream().filter(r -> time(r) == max).toList(), false);
        }
        return keepFirstOnEventTime(records);
    }

    private Decision keepFirstOnEventTime(List<GeneratedRecord> records) {
        List<GeneratedRecord> kept = new ArrayList<>();
        List<GeneratedRecord> uncertain = new ArrayList<>();
        for (GeneratedRecord r : records) {
            // late when its rowtime is below the watermark: the watermark is at or past rowtime + 1 ms
            switch (Arrival.of(r.label().watermarkOnArrival(), r.eventTime().plusMillis(1))) {
                case BEFORE -> kept.add(r);
                case AT_OR_PAST -> late.add(r);
                case EITHER -> uncertain.add(r);
                default -> throw new IllegalStateException();
            }
        }
        Decision first = Decision.of(null);
        if (!kept.isEmpty()) {
            long min = kept.stream().mapToLong(DedupEngine::time).min().orElseThrow();
            first = byArrival(kept.stream().filter(r -> time(r) == min).toList(), true);
        }
        if (first.reason != null) {
            return first;
        }
        GeneratedRecord winner = first.winner;
        List<GeneratedRecord> contenders = uncertain.stream().filter(u -> mayWin(u, winner)).toList();
        if (contenders.isEmpty()) {
            return first;
        }
        String instead = winner == null ? "the key has a row only if one is kept"
                : "one kept would win over #" + winner.label().arrival();
        return new Decision(null, Records.plural(contenders.size(), "record", "records") + " may or may not be"
                + " dropped as late (rowtime below the watermark when it arrives), and " + instead + ": "
                + String.join(", ", contenders.stream().limit(3).map(Records::describe).toList())
                + (contenders.size() > 3 ? " and " + (contenders.size() - 3) + " more" : "")
                + " — it depends on " + Arrival.cause(data), contenders);
    }

    private boolean mayWin(GeneratedRecord u, GeneratedRecord winner) {
        if (winner == null || time(u) < time(winner)) {
            return true;
        }
        boolean laterInSamePartition = u.partition() == winner.partition()
                && u.label().arrival() > winner.label().arrival();
        return time(u) == time(winner) && !laterInSamePartition && !sameOutput(u, winner);
    }

    /**
     * The first (or last) record to arrive: within a partition by position; if the candidates of several
     * partitions differ in their output, the order Flink reads the partitions in decides, and the key is flagged.
     */
    private Decision byArrival(List<GeneratedRecord> records, boolean first) {
        Map<Integer, GeneratedRecord> perPartition = new LinkedHashMap<>();
        for (GeneratedRecord r : records) {
            if (first) {
                perPartition.putIfAbsent(r.partition(), r);
            } else {
                perPartition.put(r.partition(), r);
            }
        }
        List<GeneratedRecord> candidates = new ArrayList<>(perPartition.values());
        GeneratedRecord winner = first ? records.get(0) : records.get(records.size() - 1);
        if (candidates.stream().allMatch(c -> sameOutput(c, winner))) {
            return Decision.of(winner);
        }
        String which = first ? "first" : "last";
        return new Decision(null, "the " + which + " record of the key differs between partitions "
                + String.join(", ", perPartition.keySet().stream().map(String::valueOf).toList()) + " ("
                + String.join(", ", candidates.stream().limit(3).map(Records::describe).toList())
                + (candidates.size() > 3 ? " and " + (candidates.size() - 3) + " more" : "")
                + "); which one Flink keeps depends on the order in which it reads the partitions", candidates);
    }

    private boolean sameOutput(GeneratedRecord a, GeneratedRecord b) {
        return Values.groupingKey(output(a)).equals(Values.groupingKey(output(b)));
    }

    private static long time(GeneratedRecord r) {
        return r.eventTime().toEpochMilli();
    }

    private String explain(List<Row> rows, List<Flagged> flagged, int keys) {
        StringBuilder out = new StringBuilder(plan.query.toString());
        out.append("\ninput: ").append(data.summary());
        out.append("\nresult: ").append(Records.plural(rows.size(), "row", "rows")).append(" of ")
                .append(Records.plural(keys, "key", "keys"));
        if (!late.isEmpty()) {
            out.append("\nrecords dropped as late, rowtime below the watermark on arrival (").append(late.size())
                    .append("):");
            Records.list(out, late.stream().sorted(java.util.Comparator.comparingLong(r -> r.label().arrival()))
                    .toList(), Records::describe);
        }
        if (!flagged.isEmpty()) {
            out.append("\nflagged, left out of rows() (").append(flagged.size()).append("):");
            Records.list(out, flagged, Flagged::toString);
        }
        return out.toString();
    }
}
