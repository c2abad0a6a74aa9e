package io.flinkharness.oracle.internal;

import java.util.List;

/**
 * A window aggregation as the user described it: {@code SELECT <select> FROM TABLE(<windowing>) GROUP BY
 * window_start, window_end, <groupBy>}. Not part of the public API.
 *
 * @param windowStart the name of the window_start column
 * @param windowEnd the name of the window_end column
 * @param select the output columns in order, or empty for all of them
 */
public record WindowQuery(Windowing windowing, List<String> groupBy, List<AggregateSpec> aggregates,
                          String windowStart, String windowEnd, List<String> select) {
    public WindowQuery {
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
        select = List.copyOf(select);
    }

    /** Every column name defined so far, in default order. */
    public List<String> definedColumns() {
        java.util.List<String> names = new java.util.ArrayList<>(List.of(windowStart, windowEnd));
        groupBy.forEach(f -> names.add(f.substring(f.lastIndexOf('.') + 1)));
        aggregates.forEach(a -> names.add(a.alias()));
        return names;
    }

    /** {@code TUMBLE(size 10 s) GROUP BY user_id: COUNT(*) AS clicks, SUM(amount) AS total}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(windowing.toString());
        if (!groupBy.isEmpty()) {
            out.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        if (!aggregates.isEmpty()) {
            out.append(": ").append(String.join(", ", aggregates.stream().map(AggregateSpec::toString).toList()));
        }
        return out.toString();
    }
}
