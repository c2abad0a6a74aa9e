package io.flinkharness.results.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.WatermarkBounds;
import io.flinkharness.results.ResultColumn;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * "No late record was counted": every window row of a count aggregation counts at most the records of its key and
 * window that arrived before the window fired, i.e. before the watermark reached the window's last millisecond (the
 * arrival watermarks come from the generator's labels). Flink drops a record whose window (for HOP and CUMULATE: whose
 * slice) has fired, so this bound holds for TUMBLE, HOP and CUMULATE. It is an upper bound, so a {@code WHERE} that
 * drops records does not break it; that the records in time are all counted is what the oracle checks. Not part of
 * the public API.
 */
public final class LateCountChecks {
    private static final List<LogicalTypeRoot> COUNT_TYPES = List.of(LogicalTypeRoot.TINYINT,
            LogicalTypeRoot.SMALLINT, LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT, LogicalTypeRoot.DECIMAL);
    private static final int LATE_RECORDS_SHOWN = 2;

    private LateCountChecks() {
    }

    /** The records of one key and window, by whether their window had fired when they arrived. */
    private static final class Tally {
        int inTime;
        int uncertain;
        final List<GeneratedRecord> late = new ArrayList<>();
    }

    /**
     * @param countColumn the column holding {@code COUNT(*)} (or a count of a NOT NULL field) per key and window
     * @throws IllegalArgumentException for columns the table lacks, a count column that is not an integer, a table
     *         without window ends, or an input with no certainly-late record (the check could then never fail)
     */
    public static Optional<String> countsNoLateRecord(ResultTable table, Settings settings, GeneratedData input,
                                                      String countColumn, int limit) {
        WindowChecks windows = new WindowChecks(table, settings);
        ResultColumn count = table.column(countColumn).orElseThrow(() -> new IllegalArgumentException(
                table.describe() + " has no column '" + countColumn + "'; its columns: " + table.columnNames()));
        if (!COUNT_TYPES.contains(count.type().getTypeRoot())) {
            throw new IllegalArgumentException("column '" + countColumn + "' of " + table.describe() + " is "
                    + count.typeName() + "; a count is an integer column (COUNT(*) is BIGINT)");
        }
        ResultColumn end = windows.endColumn().orElseThrow(() -> new IllegalArgumentException(table.describe()
                + " has no window end column; name it with windows(\"" + windows.startColumn().name() + "\", \"end\")"));
        long late = input.stream().filter(r -> r.lateness() == Lateness.LATE).count();
        if (late == 0) {
            long uncertain = input.stream().filter(r -> uncertain(r.lateness())).count();
            throw new IllegalArgumentException("the input (" + input.size() + " records, seed " + input.seed()
                    + ") has no record that is certainly behind the watermark, so no count could show a late one"
                    + (uncertain == 0 ? "" : " (" + Plural.of(uncertain, "record depends", "records depend")
                    + " on how partitions interleave or when watermarks are emitted)")
                    + " — generate late records with lateRecords(n, behind) into a 1-partition topic whose watermark"
                    + " is emitted on event");
        }
        List<String> inputFields = input.schema().fieldNames();
        List<String> keys = (settings.columns().isEmpty() ? table.columnNames() : settings.columns()).stream()
                .filter(c -> !c.equals(countColumn) && !c.equals(windows.startColumn().name())
                        && !c.equals(end.name()) && inputFields.contains(c)).toList();
        Map<List<Object>, List<GeneratedRecord>> byKey = groupByKey(table, settings, input, keys);
        TableComparer keyReader = keys.isEmpty() ? null : new TableComparer(table, settings.withColumns(keys));
        List<Compared> rowKeys = keyReader == null ? null : keyReader.actual();

        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of(windows.startColumn().name(), end.name(), countColumn, "in time", "may be late",
                "late", "late records (event time, partition, arrival)"));
        TextTable text = new TextTable(header);
        int bad = 0;
        for (int i = 0; i < table.size(); i++) {
            ResultRow row = table.rows().get(i);
            Object s = row.get(windows.startColumn().name());
            Object e = row.get(end.name());
            Object n = row.get(countColumn);
            if (s == null || e == null || n == null) {
                continue;
            }
            List<Object> key = rowKeys == null ? List.of() : keyReader.comparison().fullKey(rowKeys.get(i));
            Tally tally = tally(byKey.getOrDefault(key, List.of()), WindowChecks.millis(s), WindowChecks.millis(e));
            long counted = ((Number) n).longValue();
            if (counted > tally.inTime + tally.uncertain && bad++ < limit) {
                List<String> cells = new ArrayList<>();
                keys.forEach(k -> cells.add(TypedValues.show(row.get(k))));
                cells.addAll(List.of(TypedValues.show(s), TypedValues.show(e), String.valueOf(counted),
                        String.valueOf(tally.inTime), String.valueOf(tally.uncertain), String.valueOf(tally.late.size()),
                        lateShown(tally.late, s instanceof Instant)));
                text.line('!', cells);
            }
        }
        AnyOrderDiff.more(text, bad, limit);
        if (bad == 0) {
            return Optional.empty();
        }
        return Optional.of(RowChecks.expecting(table) + "to count in column '" + countColumn + "'"
                + (keys.isEmpty() ? "" : " per " + String.join(", ", keys)) + " no record of its input ("
                + input.size() + " records, seed " + input.seed() + ", " + late + " behind the watermark)"
                + " that arrived after its window fired\nbut " + Plural.of(bad, "window counts", "windows count")
                + " more records than arrived in time:\n" + text.render());
    }

    private static Map<List<Object>, List<GeneratedRecord>> groupByKey(ResultTable table, Settings settings,
                                                                     GeneratedData input, List<String> keys) {
        Map<List<Object>, List<GeneratedRecord>> byKey = new HashMap<>();
        if (keys.isEmpty()) {
            byKey.put(List.of(), input.records());
            return byKey;
        }
        TableComparer comparer = new TableComparer(table, settings.withColumns(keys));
        for (GeneratedRecord record : input) {
            List<Object> key = comparer.comparison().fullKey(comparer.expectedValues(record.value().asMap(), 0));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        return byKey;
    }

    /** A window fires when the watermark reaches its last millisecond, {@code end - 1}. */
    private static Tally tally(List<GeneratedRecord> records, long start, long end) {
        Tally tally = new Tally();
        Instant fires = Instant.ofEpochMilli(end - 1);
        for (GeneratedRecord r : records) {
            long t = r.eventTime().toEpochMilli();
            if (t < start || t >= end) {
                continue;
            }
            WatermarkBounds watermark = r.label().watermarkOnArrival();
            if (watermark.surelyAtOrPast(fires)) {
                tally.late.add(r);
            } else if (watermark.possiblyAtOrPast(fires)) {
                tally.uncertain++;
            } else {
                tally.inTime++;
            }
        }
        return tally;
    }

    private static boolean uncertain(Lateness lateness) {
        return lateness != Lateness.ON_TIME && lateness != Lateness.LATE;
    }

    private static String lateShown(List<GeneratedRecord> late, boolean ltz) {
        List<String> shown = late.stream().limit(LATE_RECORDS_SHOWN).map(r -> {
            Instant t = r.eventTime();
            Object value = ltz ? t : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            return TypedValues.show(value) + " p" + r.partition() + " #" + r.label().arrival();
        }).toList();
        return String.join(", ", shown) + (late.size() > LATE_RECORDS_SHOWN ? " …" : "");
    }
}
