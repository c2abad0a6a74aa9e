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
        assertThat(diff.render()).isEqualTo("expected 2 rows, got 2 (order ignored)");
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

        assertThat(diff.render()).isEqualTo("expected 2 rows, got 1 (order ignored)\n"
                + "  missing (1):\n"
                + "    - {user=alice, clicks=3}");
    }

    @Test
    void onlyUnexpectedRowsRenderOnlyTheUnexpectedSection() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(), List.of(BOB_1, BOB_1));

        assertThat(diff.render()).isEqualTo("expected 0 rows, got 2 (order ignored)\n"
                + "  unexpected (2):\n"
                + "    + {user=bob, clicks=1}\n"
                + "    + {user=bob, clicks=1}");
    }

    @Test
    void rowsDifferingInMoreThanOneColumnAreNoNearMiss() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1), List.of(CAROL_7, BOB_1));

        assertThat(diff.render()).isEqualTo("expected 2 rows, got 2 (order ignored)\n"
                + "  missing (1):\n"
                + "    - {user=alice, clicks=3}\n"
                + "  unexpected (1):\n"
                + "    + {user=carol, clicks=7}");
    }

    @Test
    void rendersMissingUnexpectedAndTheRowThatDiffersInOneColumn() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, BOB_1, CAROL_7), List.of(BOB_1, ALICE_2, BOB_1));

        assertThat(diff.render()).isEqualTo("expected 3 rows, got 3 (order ignored)\n"
                + "  missing (2):\n"
                + "    - {user=alice, clicks=3}\n"
                + "    - {user=carol, clicks=7}\n"
                + "  unexpected (2):\n"
                + "    + {user=bob, clicks=1}\n"
                + "    + {user=alice, clicks=2}\n"
                + "  differing in one column (1):\n"
                + "    clicks: expected 3 but was 2 in {user=alice, clicks=3}");
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
                .startsWith("expected 1 row, got 0 (order ignored)\n");
    }

    @Test
    void aNearMissQuotesStringsThatLookLikeNumbers() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(Row.of("id", 1, "code", "3")), List.of(Row.of("id", 1, "code", 3)));

        assertThat(diff.render()).endsWith("\n  differing in one column (1):\n"
                + "    code: expected \"3\" but was 3 in {id=1, code=\"3\"}");
    }

    @Test
    void eachUnexpectedRowIsTheNearMissOfOneMissingRowOnly() {
        Row aliceOne = Row.of("user", "alice", "clicks", 1);

        RowDiff diff = RowDiff.ignoringOrder(List.of(ALICE_3, aliceOne), List.of(ALICE_2));

        assertThat(diff.render()).endsWith("\n  differing in one column (1):\n"
                + "    clicks: expected 3 but was 2 in {user=alice, clicks=3}");
    }

    @Test
    void aRowWithAnotherSetOfColumnsIsNoNearMiss() {
        RowDiff diff = RowDiff.ignoringOrder(List.of(Row.of("user", "alice", "clicks", 3)),
                List.of(Row.of("user", "alice", "clicks", 3, "extra", 1)));

        assertThat(diff.render()).doesNotContain("differing");
        assertThat(diff.missing()).hasSize(1);
        assertThat(diff.unexpected()).hasSize(1);
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

        assertThat(diff.render()).endsWith("\n  differing in one column (1):\n"
                + "    clicks: expected 3 but was 2 in {clicks=3, user=alice}");
    }
}
