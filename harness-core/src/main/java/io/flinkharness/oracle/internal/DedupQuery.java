package io.flinkharness.oracle.internal;

import java.util.List;

/**
 * A deduplication as the user described it: {@code SELECT <select> FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY
 * <keys> ORDER BY <time> ASC|DESC) AS rn FROM t) WHERE rn = 1}. Not part of the public API.
 *
 * @param keepLast ORDER BY time DESC (keep the last row) rather than ASC (keep the first)
 * @param eventTime ORDER BY the rowtime rather than a PROCTIME() column
 * @param select the output fields in order, or empty for every top-level field
 */
public record DedupQuery(List<String> keys, boolean keepLast, boolean eventTime, List<String> select) {
    public DedupQuery {
        keys = List.copyOf(keys);
        select = List.copyOf(select);
    }

    /** {@code ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY rowtime ASC) = 1 (keep first on event time)}. */
    @Override
    public String toString() {
        return "ROW_NUMBER() OVER (PARTITION BY " + String.join(", ", keys) + " ORDER BY "
                + (eventTime ? "rowtime" : "proctime") + (keepLast ? " DESC" : " ASC") + ") = 1 (keep "
                + (keepLast ? "last" : "first") + " on " + (eventTime ? "event" : "processing") + " time)";
    }
}
