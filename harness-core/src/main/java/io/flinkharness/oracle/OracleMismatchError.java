package io.flinkharness.oracle;

import io.flinkharness.rows.RowDiff;
import java.util.List;

/**
 * The actual rows differ from the oracle's in the windows or keys it predicts. The message is the diff of the
 * compared rows, then the flagged windows or keys that were not compared and why.
 *
 * <pre>{@code
 * try {
 *     expected.assertMatches("topic 'counts'", actualRows);
 * } catch (OracleMismatchError e) {
 *     e.diff().missing();        // predicted rows Flink did not write
 *     e.notCompared();           // flagged windows left out of the comparison
 * }
 * }</pre>
 */
public class OracleMismatchError extends AssertionError {
    private final transient RowDiff diff;
    private final transient List<Flagged> notCompared;

    OracleMismatchError(String message, RowDiff diff, List<Flagged> notCompared) {
        super(message);
        this.diff = diff;
        this.notCompared = List.copyOf(notCompared);
    }

    /** The difference between the compared rows. */
    public RowDiff diff() {
        return diff;
    }

    /** The flagged windows or keys left out of the comparison. */
    public List<Flagged> notCompared() {
        return notCompared;
    }
}
