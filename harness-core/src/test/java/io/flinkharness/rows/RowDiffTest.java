package io.flinkharness.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowDiffTest {
    private static final Row ALICE_3 = Row.of("user", "alice", "clicks", 3);
    private static final Row ALICE_2 = Row.of("user", "alice", "clicks", 2);
    private static final Row BOB_1 = Row.of("user", "bob", "clicks", 1);
    private static final Row CAROL_7 = Row.of("user", "carol", "clicks", 7);

    @Test
    void sameRowsInAnotherOrderMakeNoDifference() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1), List.of(BOB_1, ALICE_3));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.missing()).isEmpty();
        assertThat(diff.unexpected()).isEmpty();
        assertThat(diff.render()).isEqualTo("to contain exactly, in any order, 2 rows\nand it does");
    }

    @Test
    void rowsCompareByNormalisedValues() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(Row.of("price", 2.5, "n", 3)),
                List.of(Row.fromJson("{\"price\":2.50,\"n\":3}")));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void duplicatesMissingFromTheActualRowsAreCounted() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, ALICE_3, BOB_1), List.of(ALICE_3, BOB_1));

        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.missing()).containsExactly(ALICE_3);
        assertThat(diff.unexpected()).isEmpty();
    }

    @Test
    void duplicatesInTheActualRowsAreCounted() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1), List.of(BOB_1, ALICE_3, BOB_1, BOB_1));

        assertThat(diff.missing()).isEmpty();
        assertThat(diff.unexpected()).containsExactly(BOB_1, BOB_1);
    }

    @Test
    void duplicatesOnBothSidesMatchOneForOne() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, ALICE_3, BOB_1), List.of(ALICE_3, BOB_1, BOB_1));

        assertThat(diff.missing()).containsExactly(ALICE_3);
        assertThat(diff.unexpected()).containsExactly(BOB_1);
    }

    @Test
    void onlyMissingRowsRenderOnlyTheMissingSection() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1), List.of(BOB_1));

        assertThat(diff.render()).isEqualTo("""
                to contain exactly, in any order, 2 rows
                but could not find 1 row:
                      user  | clicks
                  missing (1):
                    - alice | 3""");
    }

    @Test
    void onlyUnexpectedRowsRenderOnlyTheUnexpectedSection() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(), List.of(BOB_1, BOB_1));

        assertThat(diff.render()).isEqualTo("""
                to contain exactly, in any order, 0 rows
                but found 2 unexpected rows:
                      user | clicks
                  unexpected (2):
                    + bob  | 1
                    + bob  | 1""");
    }

    @Test
    void rowsDifferingInMoreThanOneColumnAreNoNearMiss() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1), List.of(CAROL_7, BOB_1));

        assertThat(diff.render()).isEqualTo("""
                to contain exactly, in any order, 2 rows
                but could not find 1 row, and found 1 unexpected row:
                      user  | clicks
                  missing (1):
                    - alice | 3
                  unexpected (1):
                    + carol | 7""");
    }

    @Test
    void rendersTheRowThatDiffersSideBySideThenMissingAndUnexpectedRows() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1, CAROL_7), List.of(BOB_1, ALICE_2, BOB_1));

        assertThat(diff.missing()).containsExactly(ALICE_3, CAROL_7);
        assertThat(diff.unexpected()).containsExactly(BOB_1, ALICE_2);
        assertThat(diff.render()).isEqualTo("""
                to contain exactly, in any order, 3 rows
                but could not find 2 rows, and found 2 unexpected rows:
                      user  | clicks
                  differing (1):
                    - alice | 3
                    + alice | 2
                              ^
                  missing (1):
                    - carol | 7
                  unexpected (1):
                    + bob   | 1""");
        assertThat(diff).hasToString(diff.render());
    }

    @Test
    void unexpectedRowsAreListedInTheOrderTheyFirstAppearWithTheirCopiesTogether() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(), List.of(BOB_1, CAROL_7, BOB_1));

        assertThat(diff.unexpected()).containsExactly(BOB_1, BOB_1, CAROL_7);
    }

    @Test
    void oneExpectedRowIsSingular() {
        assertThat(RowDiff.ignoringOrder(List.of(ALICE_3), List.of()).render())
                .startsWith("to contain exactly, in any order, 1 row\nbut could not find 1 row:\n");
    }

    @Test
    void aNearMissQuotesStringsThatLookLikeNumbers() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(Row.of("id", 1, "code", "3")), List.of(Row.of("id", 1, "code", 3)));

        assertThat(diff.render()).endsWith("""
                but could not find 1 row, and found 1 unexpected row:
                      id | code
                  differing (1):
                    - 1  | "3"
                    + 1  | 3
                           ^^^""");
    }

    @Test
    void eachUnexpectedRowIsTheNearMissOfOneMissingRowOnly() {
        Row aliceOne = Row.of("user", "alice", "clicks", 1);

        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, aliceOne), List.of(ALICE_2));

        assertThat(diff.render()).endsWith("""
                but could not find 2 rows, and found 1 unexpected row:
                      user  | clicks
                  differing (1):
                    - alice | 3
                    + alice | 2
                              ^
                  missing (1):
                    - alice | 1""");
    }

    @Test
    void aColumnOnlySomeRowsHaveIsShownAsNone() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(Row.of("user", "alice", "clicks", 3)),
                List.of(Row.of("user", "alice", "clicks", 3, "extra", 1)));

        assertThat(diff.missing()).hasSize(1);
        assertThat(diff.unexpected()).hasSize(1);
        assertThat(diff.render()).endsWith("""
                but could not find 1 row, and found 1 unexpected row:
                      user  | clicks | extra
                  differing (1):
                    - alice | 3      | (none)
                    + alice | 3      | 1
                                       ^^^^^^""");
    }

    @Test
    void windowedRowsAreListedByWindowStartAndLongSectionsCounted() {
        List<Row> actual = new java.util.ArrayList<>();
        for (int second = 59; second >= 0; second--) {
            actual.add(Row.of("window_start", String.format("2024-01-01 00:00:%02d", second), "n", 1));
        }

        assertThat(RowDiff.ignoringOrder(List.of(), actual).render(2)).isEqualTo("""
                to contain exactly, in any order, 0 rows
                but found 60 unexpected rows:
                      window_start        | n
                  unexpected (60):
                    + 2024-01-01 00:00:00 | 1
                    + 2024-01-01 00:00:01 | 1
                    … and 58 more""");
    }

    @Test
    void theRowListsCannotBeChanged() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3), List.of(BOB_1));

        assertThatThrownBy(() -> diff.missing().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> diff.unexpected().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNearMissIsFoundWhateverTheColumnOrder() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(Row.of("clicks", 3, "user", "alice")),
                List.of(Row.fromJson("{\"user\":\"alice\",\"clicks\":2}")));

        assertThat(diff.render()).endsWith("""
                but could not find 1 row, and found 1 unexpected row:
                      clicks | user
                  differing (1):
                    - 3      | alice
                    + 2      | alice
                      ^""");
    }
}
