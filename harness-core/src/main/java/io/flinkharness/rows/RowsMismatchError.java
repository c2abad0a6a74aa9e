package io.flinkharness.rows;

/**
 * The rows of an output did not match the expected rows; the message is the diff:
 * <pre>
 * Expecting topic 'counts' (counts-3f2a, append, read_committed)
 * to contain exactly, in any order, 3 rows
 * but could not find 1 row, and found 1 unexpected row:
 *       user  | clicks
 *   ...
 * </pre>
 */
public class RowsMismatchError extends AssertionError {
    private final transient RowDiff diff;

    /** @param what the rows compared, e.g. {@code topic 'counts' (counts-3f2a, append, read_committed)} */
    public RowsMismatchError(String what, RowDiff diff) {
        super("Expecting " + what + "\n" + diff.render());
        this.diff = diff;
    }

    /** A mismatch found by the result assertions, whose message is already the whole diff. */
    public RowsMismatchError(String message) {
        super(message);
        this.diff = null;
    }

    /** The diff of untyped rows, if the mismatch was found by comparing them. */
    public java.util.Optional<RowDiff> diff() {
        return java.util.Optional.ofNullable(diff);
    }
}
