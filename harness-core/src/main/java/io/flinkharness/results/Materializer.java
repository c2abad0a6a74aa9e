package io.flinkharness.results;

import io.flinkharness.results.internal.Change;
import io.flinkharness.results.internal.TypedValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows a list of changes stands for, by {@link ResultTable.Kind}. */
final class Materializer {
    private Materializer() {
    }

    static List<Object[]> rows(ResultTable.Kind kind, List<ResultColumn> columns, List<Change> changes) {
        return switch (kind) {
            case APPEND -> changes.stream().filter(Change::adds).map(Change::values).toList();
            case UPSERT -> upsert(changes);
            case RETRACT -> retract(columns, changes);
            case CHANGELOG -> changes.stream().map(Materializer::withOp).toList();
        };
    }

    /** The last value per key; UPDATE_BEFORE and DELETE (a tombstone) remove the key. */
    private static List<Object[]> upsert(List<Change> changes) {
        Map<Object, Object[]> table = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.adds()) {
                table.put(change.upsertKey(), change.values());
            } else {
                table.remove(change.upsertKey());
            }
        }
        return new ArrayList<>(table.values());
    }

    /** INSERT and UPDATE_AFTER add a row; UPDATE_BEFORE and DELETE remove one equal row (if there is one). */
    private static List<Object[]> retract(List<ResultColumn> columns, List<Change> changes) {
        List<Object[]> rows = new ArrayList<>();
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Change change : changes) {
            List<Object> key = key(columns, change.values());
            if (change.adds()) {
                rows.add(change.values());
                counts.merge(key, 1, Integer::sum);
            } else if (counts.getOrDefault(key, 0) > 0) {
                counts.merge(key, -1, Integer::sum);
                removeOne(columns, rows, key);
            }
        }
        return rows;
    }

    private static void removeOne(List<ResultColumn> columns, List<Object[]> rows, List<Object> key) {
        for (int i = 0; i < rows.size(); i++) {
            if (key(columns, rows.get(i)).equals(key)) {
                rows.remove(i);
                return;
            }
        }
    }

    static List<Object> key(List<ResultColumn> columns, Object[] values) {
        Object[] keys = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = TypedValues.key(values[i], columns.get(i).type());
        }
        return Arrays.asList(keys);
    }

    private static Object[] withOp(Change change) {
        Object[] row = new Object[change.values().length + 1];
        row[0] = change.kind().shortString();
        System.arraycopy(change.values(), 0, row, 1, change.values().length);
        return row;
    }
}
