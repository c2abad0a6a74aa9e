package io.flinkharness.results;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.rows.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.junit.jupiter.api.Test;

/** The row assertions: each passes when it should, and fails with its exact message and diff. */
class RowAssertionsTest {
    static final String T0 = "2024-01-01 00:00:00";
    static final String T10 = "2024-01-01 00:00:10";

    static ResultTable counts(Object[]... rows) {
        ResultTable.Builder builder = ResultTable.builder("counts").origin("topic counts-3f2a")
                .column("user", "STRING").column("window_start", "TIMESTAMP(3)").column("clicks", "BIGINT");
        for (Object[] row : rows) {
            builder.row(row);
        }
        return builder.build();
    }

    static Object[] r(Object... values) {
        return values;
    }

    static Row count(String user, String windowStart, long clicks) {
        return Row.of("user", user, "window_start", windowStart, "clicks", clicks);
    }

    private static final ResultTable THREE = counts(r("alice", T0, 2), r("bob", T0, 1), r("alice", T10, 1));

    @Test
    void containsExactlyRowsInAnyOrderPassesForTheSameRowsInAnotherOrder() {
        assertThat(THREE).containsExactlyRowsInAnyOrder(count("alice", T10, 1), count("alice", T0, 2),
                count("bob", T0, 1));
    }

    @Test
    void expectedValuesAreReadAsTheColumnsTypes() {
        assertThat(THREE).containsExactlyRowsInAnyOrder(
                Row.of("user", "alice", "window_start", "2024-01-01T00:00:10", "clicks", "1"),
                Row.of("user", "alice", "window_start", java.time.LocalDateTime.parse("2024-01-01T00:00"), "clicks", 2),
                Row.of("user", "bob", "window_start", "2024-01-01T00:00:00Z", "clicks", new BigDecimal("1.0")));
    }

    @Test
    void containsExactlyRowsInAnyOrderFailsWithTheDiff() {
        assertThatThrownBy(() -> assertThat(THREE).containsExactlyRowsInAnyOrder(count("alice", T0, 3),
                count("bob", T0, 1), count("carol", T10, 7)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        to contain exactly, in any order, 3 rows
                        but could not find 2 rows, and found 2 unexpected rows:
                              user  | window_start        | clicks
                          differing (1):
                            - alice | 2024-01-01 00:00:00 | 3
                            + alice | 2024-01-01 00:00:00 | 2
                                                            ^
                          missing (1):
                            - carol | 2024-01-01 00:00:10 | 7
                          unexpected (1):
                            + alice | 2024-01-01 00:00:10 | 1""");
    }

    @Test
    void duplicatesCount() {
        assertThatThrownBy(() -> assertThat(counts(r("bob", T0, 1), r("bob", T0, 1)))
                .containsExactlyRowsInAnyOrder(count("bob", T0, 1)))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 2 rows)
                        to contain exactly, in any order, 1 row
                        but found 1 unexpected row:
                              user | window_start        | clicks
                          unexpected (1):
                            + bob  | 2024-01-01 00:00:00 | 1""");
    }

    @Test
    void aValueThatIsNotOfTheColumnsTypeMatchesNothingAndSaysSo() {
        assertThatThrownBy(() -> assertThat(counts(r("bob", T0, 1))).containsExactlyRowsInAnyOrder(
                Row.of("user", "bob", "window_start", T0, "clicks", "one")))
                .hasMessageEndingWith("""
                        but could not find 1 row, and found 1 unexpected row:
                              user | window_start        | clicks
                          differing (1):
                            - bob  | 2024-01-01 00:00:00 | "one" (not a BIGINT)
                            + bob  | 2024-01-01 00:00:00 | 1
                                                           ^^^^^^^^^^^^^^^^^^^^""");
    }

    @Test
    void windowedRowsAreListedByWindowStart() {
        ResultTable table = counts(r("b", T10, 1), r("a", T0, 1), r("c", "2024-01-01 00:00:05", 1));

        assertThatThrownBy(() -> assertThat(table).containsExactlyRowsInAnyOrder())
                .hasMessageEndingWith("""
                        but found 3 unexpected rows:
                              user | window_start        | clicks
                          unexpected (3):
                            + a    | 2024-01-01 00:00:00 | 1
                            + c    | 2024-01-01 00:00:05 | 1
                            + b    | 2024-01-01 00:00:10 | 1""");
    }

    @Test
    void longDiffsShowTheFirstRowsOfEachSectionAndCountTheRest() {
        List<Row> expected = new ArrayList<>();
        List<Object[]> actual = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            expected.add(count("u" + i, T0, 1));
            actual.add(r("v" + i, T0, 2));
        }
        ResultTable table = counts(actual.toArray(Object[][]::new));

        assertThatThrownBy(() -> assertThat(table).showingAtMost(2).containsExactlyRowsInAnyOrder(expected))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 14 rows)
                        to contain exactly, in any order, 14 rows
                        but could not find 14 rows, and found 14 unexpected rows:
                              user | window_start        | clicks
                          missing (14):
                            - u0   | 2024-01-01 00:00:00 | 1
                            - u1   | 2024-01-01 00:00:00 | 1
                            … and 12 more
                          unexpected (14):
                            + v0   | 2024-01-01 00:00:00 | 2
                            + v1   | 2024-01-01 00:00:00 | 2
                            … and 12 more""");
    }

    @Test
    void containsExactlyRowsChecksTheOrder() {
        assertThat(THREE).containsExactlyRows(count("alice", T0, 2), count("bob", T0, 1), count("alice", T10, 1));

        assertThatThrownBy(() -> assertThat(THREE).containsExactlyRows(count("bob", T0, 1), count("alice", T0, 2),
                count("alice", T10, 1)))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        to contain exactly, in this order, 3 rows
                        but found them in another order:
                            # | user | window_start        | clicks
                          - 1 | bob  | 2024-01-01 00:00:00 | 1
                          + 2 | bob  | 2024-01-01 00:00:00 | 1""");
    }

    @Test
    void containsExactlyRowsPairsTheRowsInTheSamePlace() {
        assertThatThrownBy(() -> assertThat(THREE).containsExactlyRows(count("alice", T0, 2), count("bob", T0, 5),
                count("alice", T10, 1), count("dave", T10, 1)))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        to contain exactly, in this order, 4 rows
                        but could not find 2 rows in their place, and found 1 unexpected row:
                            # | user | window_start        | clicks
                          - 2 | bob  | 2024-01-01 00:00:00 | 5
                          + 2 | bob  | 2024-01-01 00:00:00 | 1
                                                             ^
                          - 4 | dave | 2024-01-01 00:00:10 | 1""");
    }

    @Test
    void longInOrderDiffsShowTheFirstDifferencesAndCountTheRest() {
        ResultTable table = counts(r("a", T0, 1), r("b", T0, 1), r("c", T0, 1), r("d", T0, 1));

        assertThatThrownBy(() -> assertThat(table).showingAtMost(1).containsExactlyRows(count("a", T0, 1),
                count("x", T10, 9), count("y", T10, 9)))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 4 rows)
                        to contain exactly, in this order, 3 rows
                        but could not find 2 rows in their place, and found 3 unexpected rows:
                            # | user | window_start        | clicks
                          - 2 | x    | 2024-01-01 00:00:10 | 9
                          … and 4 more""");
    }

    @Test
    void containsRowsAllowsOtherRowsAndShowsTheClosestRowOfAMissingOne() {
        assertThat(THREE).containsRows(count("bob", T0, 1));

        assertThatThrownBy(() -> assertThat(THREE).containsRows(count("bob", T0, 1), count("bob", T10, 1),
                count("zoe", T0, 9)))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        to contain 3 rows
                        but could not find 2 rows:
                              user  | window_start        | clicks
                          differing (1):
                            - bob   | 2024-01-01 00:00:10 | 1
                            + alice | 2024-01-01 00:00:10 | 1
                              ^^^^^
                          missing (1):
                            - zoe   | 2024-01-01 00:00:00 | 9""");
    }

    @Test
    void doesNotContainRows() {
        assertThat(THREE).doesNotContainRows(count("bob", T10, 1));

        assertThatThrownBy(() -> assertThat(THREE).doesNotContainRows(count("bob", T10, 1), count("bob", T0, 1)))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        not to contain 2 rows
                        but found 1 of them:
                              user | window_start        | clicks
                          found (1):
                            + bob  | 2024-01-01 00:00:00 | 1""");
    }

    @Test
    void hasRowCount() {
        assertThat(THREE).hasRowCount(3);

        assertThatThrownBy(() -> assertThat(THREE).hasRowCount(2))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        to have 2 rows
                        but had 3:
                            user  | window_start        | clicks
                            alice | 2024-01-01 00:00:00 | 2
                            bob   | 2024-01-01 00:00:00 | 1
                            alice | 2024-01-01 00:00:10 | 1""");
        assertThatThrownBy(() -> assertThat(counts()).hasRowCount(1))
                .hasMessage("\nExpecting table counts (topic counts-3f2a, append, 0 rows)\nto have 1 row\nbut had 0");
    }

    @Test
    void columnsComparesOnTheSelectedColumnsOnly() {
        assertThat(THREE).columns("user", "clicks").containsExactlyRowsInAnyOrder(
                Row.of("user", "alice", "clicks", 2), Row.of("clicks", 1, "user", "bob"),
                Row.of("user", "alice", "clicks", 1));

        assertThatThrownBy(() -> assertThat(THREE).columns("user").containsExactlyRowsInAnyOrder(
                Row.of("user", "alice"), Row.of("user", "bob")))
                .hasMessage("""

                        Expecting table counts (topic counts-3f2a, append, 3 rows)
                        to contain exactly, in any order, 2 rows (on columns user)
                        but found 1 unexpected row:
                              user
                          unexpected (1):
                            + alice""");
    }

    @Test
    void expectedRowsGiveExactlyTheComparedColumns() {
        assertThatThrownBy(() -> assertThat(THREE).containsRows(Row.of("user", "bob", "clicks", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected row 1 {user=bob, clicks=1} has no value for column 'window_start' — give every"
                        + " compared column [user, window_start, clicks], or compare on fewer with columns(...)");
        assertThatThrownBy(() -> assertThat(THREE).columns("user").containsRows(Row.of("user", "bob", "clicks", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected row 1 {user=bob, clicks=1} has column 'clicks', which is not compared; compared"
                        + " columns: [user]");
        assertThatThrownBy(() -> assertThat(THREE).containsRows(Row.of("user", "bob", "window_start", T0,
                "clicks", 1, "extra", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected row 1 {user=bob, window_start=2024-01-01 00:00:00, clicks=1, extra=0} has column"
                        + " 'extra', which table counts (topic counts-3f2a, append, 3 rows) does not have; its columns:"
                        + " [user, window_start, clicks]");
        assertThatThrownBy(() -> assertThat(THREE).columns("user", "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table counts (topic counts-3f2a, append, 3 rows) has no column 'nope'; its columns:"
                        + " [user, window_start, clicks]");
    }

    static ResultTable averages(Object[]... rows) {
        ResultTable.Builder builder = ResultTable.builder("averages").column("user", "STRING")
                .column("avg_amount", "DOUBLE").column("total", "DECIMAL(10, 2)").column("at", "TIMESTAMP_LTZ(3)");
        for (Object[] row : rows) {
            builder.row(row);
        }
        return builder.build();
    }

    private static final ResultTable AVERAGES = averages(r("alice", 3.3333333, "10.01", "2024-01-01T00:00:00.250Z"),
            r("bob", 1.5, "4.99", "2024-01-01T00:00:01Z"));

    private static Row average(String user, double avg, String total, String at) {
        return Row.of("user", user, "avg_amount", avg, "total", new BigDecimal(total), "at", at);
    }

    @Test
    void tolerancesLetCloseValuesMatch() {
        List<Row> expected = List.of(average("alice", 3.33, "10.00", "2024-01-01T00:00:00Z"),
                average("bob", 1.5, "5.00", "2024-01-01T00:00:01Z"));

        assertThat(AVERAGES).usingTolerance("avg_amount", 0.01).usingTolerance(LogicalTypeRoot.DECIMAL, 0.02)
                .usingTimestampTolerance(Duration.ofMillis(250)).containsExactlyRowsInAnyOrder(expected);
        assertThatThrownBy(() -> assertThat(AVERAGES).usingTolerance("avg_amount", 0.001)
                .usingTolerance(LogicalTypeRoot.DECIMAL, 0.02).usingTimestampTolerance(Duration.ofMillis(100))
                .containsExactlyRowsInAnyOrder(expected))
                .hasMessage("""

                        Expecting table averages (append, 2 rows)
                        to contain exactly, in any order, 2 rows (avg_amount within 0.001; DECIMAL values within 0.02; \
                        timestamps within 100ms)
                        but could not find 1 row, and found 1 unexpected row:
                              user  | avg_amount | total | at
                          differing (1):
                            - alice | 3.33       | 10.00 | 2024-01-01 00:00:00Z
                            + alice | 3.3333333  | 10.01 | 2024-01-01 00:00:00.25Z
                                      ^^^^^^^^^            ^^^^^^^^^^^^^^^^^^^^^^^""");
    }

    @Test
    void aDurationToleranceForOneTimestampColumn() {
        assertThat(AVERAGES).columns("user", "at").usingTolerance("at", Duration.ofMillis(250))
                .containsExactlyRowsInAnyOrder(Row.of("user", "alice", "at", "2024-01-01 00:00:00Z"),
                        Row.of("user", "bob", "at", "2024-01-01 00:00:01.2Z"));
        assertThatThrownBy(() -> assertThat(AVERAGES).columns("user", "at").usingTolerance("at", Duration.ofMillis(100))
                .containsRows(Row.of("user", "alice", "at", "2024-01-01 00:00:00Z")))
                .hasMessageContaining("to contain 1 row (on columns user, at; at within 100ms)\n");
    }

    @Test
    void aToleranceNeverUsesUpTheRowAnotherRowNeeds() {
        ResultTable table = averages(r("x", 1.0, "1", null), r("x", 1.2, "1", null));

        assertThat(table).usingTolerance("avg_amount", 0.15)
                .containsExactlyRowsInAnyOrder(average("x", 1.1, "1", null), average("x", 1.0, "1", null));
    }

    @Test
    void tolerancesOnlyForFloatingAndDecimalValues() {
        assertThatThrownBy(() -> assertThat(AVERAGES).usingTolerance("user", 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance for column 'user': table averages (append, 2 rows) has it as STRING; a"
                        + " numeric tolerance applies to FLOAT, DOUBLE and DECIMAL columns");
        assertThatThrownBy(() -> assertThat(AVERAGES).usingTolerance("total", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance for column 'total': table averages (append, 2 rows) has it as DECIMAL(10, 2);"
                        + " a duration applies to TIMESTAMP, TIMESTAMP_LTZ and TIME columns");
        assertThatThrownBy(() -> assertThat(AVERAGES).usingTolerance(LogicalTypeRoot.BIGINT, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usingTolerance: a tolerance applies to FLOAT, DOUBLE and DECIMAL values, not BIGINT — for"
                        + " timestamps use usingTimestampTolerance(Duration)");
        assertThatThrownBy(() -> assertThat(AVERAGES).usingTolerance("avg_amount", -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tolerance cannot be negative, got -0.1");
        assertThatThrownBy(() -> assertThat(AVERAGES).usingTimestampTolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usingTimestampTolerance: the tolerance cannot be negative, got -1s");
    }

    @Test
    void aDescriptionGoesInFront() {
        assertThatThrownBy(() -> assertThat(THREE).as("after the first run").hasRowCount(0))
                .hasMessageStartingWith("[after the first run] \nExpecting table counts");
    }

    @Test
    void aNullTableFailsAsAssertjDoes() {
        assertThatThrownBy(() -> assertThat((ResultTable) null).hasRowCount(0))
                .hasMessage("\nExpecting actual not to be null");
    }
}
