package io.flinkharness.results.internal;

import java.util.Comparator;
import java.util.List;

/** Rows of a diff in window order, when they carry a window start. Not part of the public API. */
final class Sorting {
    /**
     * By sort key (window start): rows without one first, keys of one class in their natural order, keys of
     * different or incomparable classes by class name (so the order is total and the sort stable).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Compared> BY_WINDOW = (a, b) -> {
        Object x = a.sortKey();
        Object y = b.sortKey();
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x.getClass() != y.getClass() || !(x instanceof Comparable)) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        return ((Comparable) x).compareTo(y);
    };

    private Sorting() {
    }

    /** Sorts in place, stably. */
    static void byWindow(List<Compared> rows) {
        rows.sort(BY_WINDOW);
    }
}
