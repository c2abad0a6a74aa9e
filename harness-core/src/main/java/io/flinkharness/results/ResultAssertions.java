package io.flinkharness.results;

/**
 * Entry point of the assertions on result tables, next to AssertJ's {@code Assertions}.
 *
 * <pre>{@code
 * import static io.flinkharness.results.ResultAssertions.assertThat;
 *
 * assertThat(table).hasRowCount(3).isUniqueBy("order_id");
 * }</pre>
 */
public final class ResultAssertions {
    private ResultAssertions() {
    }

    public static ResultTableAssert assertThat(ResultTable actual) {
        return new ResultTableAssert(actual);
    }
}
