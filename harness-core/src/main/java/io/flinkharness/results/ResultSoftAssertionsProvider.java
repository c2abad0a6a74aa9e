package io.flinkharness.results;

import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions on result tables, to mix into your own soft assertions class:
 *
 * <pre>{@code
 * class MySoftAssertions extends SoftAssertions implements ResultSoftAssertionsProvider {}
 *
 * SoftAssertionsProvider.assertSoftly(MySoftAssertions.class, softly -> softly.assertThat(table).hasRowCount(3));
 * }</pre>
 */
public interface ResultSoftAssertionsProvider extends SoftAssertionsProvider {
    /** A soft assert: its failures are collected instead of thrown. */
    default ResultTableAssert assertThat(ResultTable actual) {
        return proxy(ResultTableAssert.class, ResultTable.class, actual);
    }
}
