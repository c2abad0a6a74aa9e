package io.flinkharness.results;

/**
 * Assertions on a {@link ResultTable}; start with {@link ResultAssertions#assertThat(ResultTable)}. See
 * {@link AbstractResultTableAssert} for the assertions.
 *
 * <pre>{@code
 * assertThat(counts)
 *         .columns("user", "clicks")
 *         .containsExactlyRowsInAnyOrder(Row.of("user", "alice", "clicks", 2), Row.of("user", "bob", "clicks", 1))
 *         .windows("window_start", "window_end").allAlignedTo(Duration.ofSeconds(10));
 * }</pre>
 */
public class ResultTableAssert extends AbstractResultTableAssert<ResultTableAssert> {
    /** Public, with the table as its only argument, so soft assertions can proxy it. */
    public ResultTableAssert(ResultTable actual) {
        super(actual, ResultTableAssert.class);
    }
}
