package io.flinkharness.rows;

/** The rows of an output did not match the expected rows; the message is the diff. */
public class RowsMismatchError extends AssertionError {
    private final transient RowDiff diff;

    public RowsMismatchError(String what, RowDiff diff) {
        super(what + ": " + diff.render());
        this.diff = diff;
    }

    public RowDiff diff() {
        return diff;
    }
}
