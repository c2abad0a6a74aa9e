package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.oracle.Flagged;
import io.flinkharness.rows.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a window aggregation from labelled records the way Flink's slicing window operator does
 * ({@code AbstractSliceSyncStateWindowAggProcessor}): a record counts in each of its windows that has not fired
 * when it arrives, a window fires when the watermark reaches its end - 1, and a window is emitted when at least one
 * record counts in it. With the range of watermarks a record may meet, each (window, group key) is predicted,
 * or flagged when a record may arrive on either side of the moment its window fires. Not part of the public API.
 */
public final class WindowEngine {
    private static final String OFFSET_BUG = "Flink 2.2 may lose records of TUMBLE windows with an offset"
            + " (FLINK-36664: the window operator flushes the records it buffers when the watermark passes a multiple"
            + " of the size, not of the size plus the offset, so a window can fire before its records reach it; what"
            + " is lost depends on checkpoint timing); by SQL semantics the row is ";

    private final WindowPlan plan;
    private final GeneratedData data;
    private final Map<Group.Id, Group> groups = new LinkedHashMap<>();

    private WindowEngine(WindowPlan plan, GeneratedData data) {
        this.plan = plan;
        this.data = data;
    }

    /**
     * The rows, flagged windows and explanation of the query over the data.
     *
     * @throws IllegalArgumentException listing every problem of the query with this data (unknown fields, types an
     *     aggregate does not take, no watermark)
     */
    public static Outcome run(WindowQuery query, GeneratedData data) {
        WindowEngine engine = new WindowEngine(WindowPlan.of(query, data), data);
        engine.assign();
        return engine.outcome();
    }

    private void assign() {
        for (GeneratedRecord record : data) {
            List<Object> key = new ArrayList<>(plan.keys.size());
            plan.keys.forEach(k -> key.add(k.valueIn(record.value())));
            Object[] arguments = new Object[plan.arguments.size()];
            for (int i = 0; i < arguments.length; i++) {
                FieldRef argument = plan.arguments.get(i);
                arguments[i] = argument == null ? null : argument.valueIn(record.value());
            }
            var watermark = record.label().watermarkOnArrival();
            for (Window window : plan.query.windowing().windowsOf(record.eventTime().toEpochMilli())) {
                Group group = groups.computeIfAbsent(new Group.Id(window, Values.groupingKey(key)),
                        id -> new Group(window, key, plan));
                group.add(record, arguments, Arrival.of(watermark, window.firesAt()));
            }
        }
    }

    private Outcome outcome() {
        RowRenderer renderer = new RowRenderer(plan.selected, plan.selectedTypes());
        List<Row> rows = new ArrayList<>();
        List<Flagged> flagged = new ArrayList<>();
        List<Group> ordered = groups.values().stream().sorted(Comparator.comparing((Group g) -> g.window)
                .thenComparing(g -> String.valueOf(g.key))).toList();
        boolean lossy = plan.query.windowing().losesRecordsInFlink();
        for (Group group : ordered) {
            if (lossy && !(group.counted.isEmpty() && group.uncertain.isEmpty())) {
                Row row = renderer.render(values(group));
                flagged.add(new Flagged(project(row, plan.keyColumns), OFFSET_BUG + row, group.counted));
            } else if (!group.uncertain.isEmpty()) {
                Row row = renderer.render(values(group));
                flagged.add(new Flagged(project(row, plan.keyColumns), group.reason(Arrival.cause(data)),
                        group.uncertain));
            } else if (!group.counted.isEmpty()) {
                rows.add(renderer.render(values(group)));
            }
        }
        return new Outcome(rows, flagged, plan.keyColumns, explain(rows, flagged, ordered));
    }

    private List<Object> values(Group group) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(plan.query.windowStart(), time(group.window.start()));
        all.put(plan.query.windowEnd(), time(group.window.end()));
        for (int i = 0; i < plan.keys.size(); i++) {
            all.put(plan.keys.get(i).column(), group.key.get(i));
        }
        List<AggregateSpec> specs = plan.query.aggregates();
        for (int i = 0; i < specs.size(); i++) {
            all.put(specs.get(i).alias(), group.accumulators[i].result());
        }
        return plan.selected.stream().map(all::get).toList();
    }

    private static LocalDateTime time(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static Row project(Row row, List<String> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.forEach(c -> values.put(c, row.get(c)));
        return Row.of(values);
    }

    private String explain(List<Row> rows, List<Flagged> flagged, List<Group> ordered) {
        StringBuilder out = new StringBuilder(plan.query.toString());
        out.append("\ninput: ").append(data.summary());
        out.append("\nresult: ").append(Records.plural(rows.size(), "row", "rows"));
        if (!ordered.isEmpty()) {
            out.append(", windows from ").append(Instant.ofEpochMilli(ordered.get(0).window.start())).append(" to ")
                    .append(Instant.ofEpochMilli(ordered.get(ordered.size() - 1).window.end()));
        }
        Map<GeneratedRecord, List<Window>> dropped = new LinkedHashMap<>();
        ordered.forEach(g -> g.dropped.forEach(r -> dropped.computeIfAbsent(r, x -> new ArrayList<>()).add(g.window)));
        if (!dropped.isEmpty()) {
            out.append("\nrecords left out of windows that had fired when they arrived (").append(dropped.size())
                    .append("):");
            List<Map.Entry<GeneratedRecord, List<Window>>> entries = dropped.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getKey().label().arrival())).toList();
            Records.list(out, entries, e -> Records.describe(e.getKey()) + ": window" + (e.getValue().size() == 1
                    ? " " : "s ") + String.join(", ", e.getValue().stream().map(w -> w + " fired at " + w.firesAt())
                    .toList()));
        }
        if (!flagged.isEmpty()) {
            out.append("\nflagged, left out of rows() (").append(flagged.size()).append("):");
            Records.list(out, flagged, Flagged::toString);
        }
        return out.toString();
    }
}
