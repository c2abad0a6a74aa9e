package io.flinkharness.rows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between expected and actual rows, compared as multisets (order ignored, duplicates
 * counted): rows missing from the actual result, unexpected rows, and the pairs of those that have the same
 * columns (in any order) and differ in a single one, which are usually the one wrong value a reader is looking for.
 */
public final class RowDiff {
    private final List<Row> missing;
    private final List<Row> unexpected;
    private final List<Row[]> nearMisses;
    private final int expectedCount;
    private final int actualCount;

    private RowDiff(List<Row> missing, List<Row> unexpected, List<Row[]> nearMisses, int expectedCount, int actualCount) {
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.nearMisses = List.copyOf(nearMisses);
        this.expectedCount = expectedCount;
        this.actualCount = actualCount;
    }

    public static RowDiff ignoringOrder(List<Row> expected, List<Row> actual) {
        Map<Row, Integer> remaining = new LinkedHashMap<>();
        actual.forEach(r -> remaining.merge(r, 1, Integer::sum));
        List<Row> missing = new ArrayList<>();
        for (Row row : expected) {
            Integer left = remaining.get(row);
            if (left == null) {
                missing.add(row);
            } else if (left == 1) {
                remaining.remove(row);
            } else {
                remaining.put(row, left - 1);
            }
        }
        List<Row> unexpected = new ArrayList<>();
        remaining.forEach((row, n) -> {
            for (int i = 0; i < n; i++) {
                unexpected.add(row);
            }
        });
        return new RowDiff(missing, unexpected, nearMisses(missing, unexpected), expected.size(), actual.size());
    }

    private static List<Row[]> nearMisses(List<Row> missing, List<Row> unexpected) {
        List<Row[]> pairs = new ArrayList<>();
        List<Row> candidates = new ArrayList<>(unexpected);
        for (Row m : missing) {
            for (Row u : candidates) {
                if (m.values().keySet().equals(u.values().keySet()) && m.differingColumns(u).size() == 1) {
                    pairs.add(new Row[] {m, u});
                    candidates.remove(u);
                    break;
                }
            }
        }
        return pairs;
    }

    public boolean isEmpty() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    public List<Row> missing() {
        return missing;
    }

    public List<Row> unexpected() {
        return unexpected;
    }

    /**
     * The readable diff; a pair differing in one column names the column, both values and the whole expected row:
     * <pre>
     * expected 3 rows, got 3 (order ignored)
     *   missing (1):
     *     - {user=alice, clicks=3}
     *   unexpected (1):
     *     + {user=alice, clicks=2}
     *   differing in one column (1):
     *     clicks: expected 3 but was 2 in {user=alice, clicks=3}
     * </pre>
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("expected ").append(expectedCount).append(plural(expectedCount)).append(", got ").append(actualCount)
                .append(" (order ignored)");
        section(out, "missing", "-", missing);
        section(out, "unexpected", "+", unexpected);
        if (!nearMisses.isEmpty()) {
            out.append("\n  differing in one column (").append(nearMisses.size()).append("):");
            for (Row[] pair : nearMisses) {
                String column = pair[0].differingColumns(pair[1]).get(0);
                out.append("\n    ").append(column).append(": expected ").append(Row.render(pair[0].get(column)))
                        .append(" but was ").append(Row.render(pair[1].get(column))).append(" in ").append(pair[0]);
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, String marker, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append("\n  ").append(title).append(" (").append(rows.size()).append("):");
        rows.forEach(r -> out.append("\n    ").append(marker).append(' ').append(r));
    }

    private static String plural(int n) {
        return n == 1 ? " row" : " rows";
    }

    @Override
    public String toString() {
        return render();
    }
}
