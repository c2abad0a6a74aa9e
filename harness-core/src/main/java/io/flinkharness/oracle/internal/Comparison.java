package io.flinkharness.oracle.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Orders values as Flink's MIN and MAX do: numbers by value, strings by code point (Flink compares their UTF-8
 * bytes, which orders code points), booleans false first, dates, times and timestamps by time. Not part of the
 * public API.
 */
final class Comparison {
    private static final Set<LogicalTypeRoot> SUPPORTED = EnumSet.of(LogicalTypeRoot.CHAR, LogicalTypeRoot.VARCHAR,
            LogicalTypeRoot.BOOLEAN, LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT, LogicalTypeRoot.INTEGER,
            LogicalTypeRoot.BIGINT, LogicalTypeRoot.FLOAT, LogicalTypeRoot.DOUBLE, LogicalTypeRoot.DECIMAL,
            LogicalTypeRoot.DATE, LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE, LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
            LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    private Comparison() {
    }

    static boolean supports(LogicalTypeRoot root) {
        return root != null && SUPPORTED.contains(root);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(LogicalTypeRoot root, Object a, Object b) {
        return switch (root) {
            case CHAR, VARCHAR -> codePoints((String) a, (String) b);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            case FLOAT, DOUBLE -> floating(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case DECIMAL -> ((BigDecimal) a).compareTo((BigDecimal) b);
            default -> ((Comparable) a).compareTo(b);
        };
    }

    /** Like the {@code <} of Flink's generated code: equal unless one is strictly smaller. */
    private static int floating(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    private static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
