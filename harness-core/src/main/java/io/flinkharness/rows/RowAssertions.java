package io.flinkharness.rows;

import java.util.List;

/**
 * Compares rows and fails with a readable diff.
 *
 * <pre>{@code
 * RowAssertions.assertRowsEqualIgnoringOrder("table order_counts", expected, actual);
 * }</pre>
 */
public final class RowAssertions {
    private RowAssertions() {
    }

    /** @throws RowsMismatchError with the diff when the rows differ as multisets */
    public static void assertRowsEqualIgnoringOrder(String what, List<Row> expected, List<Row> actual) {
        RowDiff diff = RowDiff.ignoringOrder(expected, actual);
        if (!diff.isEmpty()) {
            throw new RowsMismatchError(what, diff);
        }
    }
}
