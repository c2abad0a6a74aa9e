package io.flinkharness.results;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StandardSoftAssertionsProvider;

/**
 * AssertJ's soft assertions (all of {@code SoftAssertions}') with the result table assertions: every failure is
 * collected and reported together.
 *
 * <pre>{@code
 * ResultSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(counts).hasRowCount(3);
 *     softly.assertThat(counts).containsRows(Row.of("user", "alice", "clicks", 2));
 * });
 * }</pre>
 */
public class ResultSoftAssertions extends AbstractSoftAssertions
        implements StandardSoftAssertionsProvider, ResultSoftAssertionsProvider {
    /** Runs the assertions and fails once, with every collected failure. */
    public static void assertSoftly(Consumer<ResultSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(ResultSoftAssertions.class, softly);
    }
}
