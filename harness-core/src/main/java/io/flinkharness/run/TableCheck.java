package io.flinkharness.run;

import io.flinkharness.results.ResultTable;

/**
 * A check of an output table beyond its rows, run when the case has run: window alignment, uniqueness, what a
 * deduplication keeps, ... Failing is throwing an {@link AssertionError} whose message says what differs (the
 * {@link io.flinkharness.results.ResultAssertions} do).
 *
 * <pre>{@code
 * Expectation counts = Expectation.readOnly("counts")
 *         .withCheck((table, c) -> assertThat(table).allAlignedTo(Duration.ofSeconds(10)));
 * }</pre>
 */
@FunctionalInterface
public interface TableCheck {
    /**
     * @param table the output topic read read_committed, typed by its sink table
     * @param sqlCase the case, e.g. for its generated input
     * @throws AssertionError if the table does not pass
     */
    void check(ResultTable table, SqlCase sqlCase);
}
