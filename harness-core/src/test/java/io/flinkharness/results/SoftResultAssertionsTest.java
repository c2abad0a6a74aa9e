package io.flinkharness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.rows.Row;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

/** Failures of the result assertions are collected by AssertJ's soft assertions, not thrown one by one. */
class SoftResultAssertionsTest {
    private static final ResultTable TABLE = ResultTable.builder("counts")
            .column("window_start", "TIMESTAMP(3)").column("window_end", "TIMESTAMP(3)").column("clicks", "BIGINT")
            .row("2024-01-01 00:00:00", "2024-01-01 00:00:10", 2)
            .row("2024-01-01 00:00:03", "2024-01-01 00:00:13", 1)
            .build();

    private static final String ROW_COUNT_FAILURE = """

            Expecting table counts (append, 2 rows)
            to have 3 rows
            but had 2:
                window_start        | window_end          | clicks
                2024-01-01 00:00:00 | 2024-01-01 00:00:10 | 2
                2024-01-01 00:00:03 | 2024-01-01 00:00:13 | 1""";
    private static final String CONTAINS_FAILURE = """

            Expecting table counts (append, 2 rows)
            to contain 1 row (on columns clicks)
            but could not find 1 row:
                  clicks
              missing (1):
                - 7""";
    private static final String ALIGNMENT_FAILURE = """

            Expecting the windows (window_start, window_end) of table counts (append, 2 rows)
            to be tumbling windows of 10s
            but found 1 window that is not:
                window_start        | window_end          | rows | why not
              ! 2024-01-01 00:00:03 | 2024-01-01 00:00:13 | 1    | starts 3s after 2024-01-01 00:00:00""";

    @Test
    void everyFailureOfAChainIsCollected() {
        ResultSoftAssertions softly = new ResultSoftAssertions();

        softly.assertThat(TABLE).hasRowCount(3).columns("clicks").containsRows(Row.of("clicks", 7));
        softly.assertThat(TABLE).allAlignedTo(Duration.ofSeconds(10)).hasRowCount(2);

        // AssertJ adds the line of each soft assertion to its message
        String at = "\nat SoftResultAssertionsTest.everyFailureOfAChainIsCollected(SoftResultAssertionsTest.java:";
        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).containsExactly(
                ROW_COUNT_FAILURE + at + "49)", CONTAINS_FAILURE + at + "49)", ALIGNMENT_FAILURE + at + "50)");
    }

    @Test
    void assertSoftlyReportsThemTogether() {
        assertThatThrownBy(() -> ResultSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(TABLE).hasRowCount(3);
            softly.assertThat(TABLE).allAlignedTo(Duration.ofSeconds(10));
            softly.assertThat(TABLE.size()).isEqualTo(2);
        }))
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining(ROW_COUNT_FAILURE.strip())
                .hasMessageContaining("to be tumbling windows of 10s");
    }

    @Test
    void passingSoftAssertionsCollectNothing() {
        ResultSoftAssertions.assertSoftly(softly -> softly.assertThat(TABLE).hasRowCount(2)
                .allAlignedToHop(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    }

    /** A soft assertions class of your own, with the result assertions mixed in. */
    public static class MySoftAssertions extends SoftAssertions implements ResultSoftAssertionsProvider {
    }

    @Test
    void theProviderMixesIntoSoftAssertionsOfYourOwn() {
        assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(MySoftAssertions.class, softly -> {
            softly.assertThat(TABLE).hasRowCount(3);
            softly.assertThat("text").startsWith("t");
            softly.assertThat(TABLE).isUniqueBy("clicks").hasRowCount(1);
        }))
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("to have 3 rows")
                .hasMessageContaining("to have 1 row");
    }

    @Test
    void plainSoftAssertionsCollectThroughCheck() {
        SoftAssertions softly = new SoftAssertions();

        softly.check(() -> ResultAssertions.assertThat(TABLE).hasRowCount(3));
        softly.check(() -> ResultAssertions.assertThat(TABLE).hasRowCount(4));

        assertThat(softly.errorsCollected()).hasSize(2);
    }
}
