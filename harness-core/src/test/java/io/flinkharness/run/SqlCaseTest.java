package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SqlCaseTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static TestRecord click(String user, int partition) {
        return TestRecord.of(user, "{\"user\":\"" + user + "\"}", T0).withPartition(partition);
    }

    private static SqlCase.Builder clicksPerUser() {
        return SqlCase.named("clicks per user")
                .topic("clicks", 4)
                .topic("counts", 1)
                .ddl("CREATE TABLE clicks (...)")
                .dml("INSERT INTO counts SELECT ...");
    }

    @Test
    void buildsAnImmutableCaseWithDefaults() {
        SqlCase c = clicksPerUser()
                .input("clicks", click("alice", 0), click("bob", 3))
                .expectRows("counts", Row.of("user", "alice", "clicks", 1))
                .expectUpsertRows("counts", List.of(Row.of("user", "bob", "clicks", 1)))
                .build();

        assertThat(c.name()).isEqualTo("clicks per user");
        assertThat(c.topics()).containsExactly(Map.entry("clicks", 4), Map.entry("counts", 1));
        assertThat(c.inputs().get("clicks")).containsExactly(click("alice", 0), click("bob", 3));
        assertThat(c.ddl()).isEqualTo("CREATE TABLE clicks (...)");
        assertThat(c.dml()).isEqualTo("INSERT INTO counts SELECT ...");
        assertThat(c.expectations()).containsExactly(
                new Expectation("counts", OutputMode.APPEND, List.of(Row.of("user", "alice", "clicks", 1))),
                new Expectation("counts", OutputMode.UPSERT, List.of(Row.of("user", "bob", "clicks", 1))));
        assertThat(c.timeout()).isEqualTo(SqlCase.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.source()).isEqualTo("case 'clicks per user'");
        assertThatThrownBy(() -> c.topics().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.inputs().get("clicks").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.expectations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void laterChangesToTheBuilderDoNotChangeABuiltCase() {
        SqlCase.Builder builder = clicksPerUser().input("clicks", click("alice", 0));
        SqlCase c = builder.build();

        builder.topic("more", 1).input("clicks", click("bob", 1)).expectRows("counts", Row.of("a", 1));

        assertThat(c.topics()).containsOnlyKeys("clicks", "counts");
        assertThat(c.inputs().get("clicks")).hasSize(1);
        assertThat(c.expectations()).isEmpty();
    }

    @Test
    void inputsForOneTopicAccumulateInOrder() {
        SqlCase c = clicksPerUser()
                .input("clicks", click("alice", 0))
                .input("clicks", List.of(click("bob", 1), click("carol", 2)))
                .build();

        assertThat(c.inputs().get("clicks")).extracting(r -> r.keyText().orElse(null)).containsExactly("alice", "bob", "carol");
    }

    @Test
    void ddlIsOptionalAndSourceAndTimeoutCanBeSet() {
        SqlCase c = SqlCase.named("n").topic("t", 1).dml("SELECT 1").source("cases/orders.yaml")
                .timeout(Duration.ofSeconds(5)).build();

        assertThat(c.ddl()).isEmpty();
        assertThat(c.source()).isEqualTo("cases/orders.yaml");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void withTimeoutAndWithExpectationReturnChangedCopies() {
        SqlCase c = clicksPerUser().expectRows("counts", Row.of("n", 1)).build();
        Expectation other = new Expectation("counts", OutputMode.UPSERT, List.of(Row.of("n", 2)));

        SqlCase longer = c.withTimeout(Duration.ofMinutes(2));
        SqlCase changed = c.withExpectation(0, other);

        assertThat(longer.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(changed.expectations()).containsExactly(other);
        assertThat(c.timeout()).isEqualTo(SqlCase.DEFAULT_TIMEOUT);
        assertThat(c.expectations()).containsExactly(new Expectation("counts", OutputMode.APPEND, List.of(Row.of("n", 1))));
    }

    @Test
    void expectationsWithColumnsTolerancesAndOutputs() {
        Expectation averages = Expectation.of("counts", Row.of("user", "a")).onColumns("user")
                .withTolerance("avg", new java.math.BigDecimal("0.01")).withTolerance("at", Duration.ofSeconds(1));

        SqlCase c = clicksPerUser().expect(averages).output("clicks").build();

        assertThat(c.expectations()).containsExactly(averages, Expectation.readOnly("clicks"));
        assertThat(averages.columns()).containsExactly("user");
        assertThat(averages.tolerances()).containsExactly(
                Map.entry("avg", io.flinkharness.results.Tolerance.of(new java.math.BigDecimal("0.01"))),
                Map.entry("at", io.flinkharness.results.Tolerance.of(Duration.ofSeconds(1))));
        assertThat(averages.withRow(0, Row.of("user", "b")).columns()).containsExactly("user");
        assertThat(Expectation.readOnly("clicks").rowsChecked()).isFalse();
    }

    @Test
    void anOutputOfAnUndeclaredTopicIsRefused() {
        assertThatThrownBy(() -> clicksPerUser().output("nope").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': output topic 'nope', which is not declared; declared topics:"
                        + " [clicks, counts]");
    }

    @Test
    void aTableThatWasNotReadIsNamed() {
        CaseResult result = new CaseResult("c", CaseResult.Status.PASSED, "", Duration.ZERO,
                new CaseTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO), Map.of(),
                List.of(), java.util.Optional.empty());

        assertThatThrownBy(() -> result.table("counts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'c' has no table of topic 'counts' — declare it with"
                        + " SqlCase.Builder.output(\"counts\") or expect rows on it");
    }

    @Test
    void aMissingDmlIsRefused() {
        assertThatThrownBy(() -> SqlCase.named("no dml").topic("t", 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'no dml': dml is missing — give the statement under test");
    }

    @Test
    void aBlankDmlIsRefused() {
        assertThatThrownBy(() -> SqlCase.named("blank").dml(" \n ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'blank': dml is missing — give the statement under test");
    }

    @Test
    void theRecordConstructorRefusesANullDml() {
        assertThatThrownBy(() -> new SqlCase("raw", Map.of(), Map.of(), "", null, List.of(), Duration.ofSeconds(1), null, 1, 1, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("case 'raw': dml cannot be null");
    }

    @Test
    void nullNameAndTimeoutAreRefused() {
        assertThatThrownBy(() -> SqlCase.named(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name cannot be null");
        assertThatThrownBy(() -> clicksPerUser().timeout(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeout cannot be null");
        SqlCase c = clicksPerUser().build();
        assertThatThrownBy(() -> c.withTimeout(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeout cannot be null");
    }

    @Test
    void aTopicWithoutPartitionsIsRefused() {
        assertThatThrownBy(() -> clicksPerUser().topic("empty", 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': topic 'empty' needs at least 1 partition, got 0");
        assertThatThrownBy(() -> clicksPerUser().topic("negative", -2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': topic 'negative' needs at least 1 partition, got -2");
    }

    @Test
    void inputForAnUndeclaredTopicIsRefusedListingTheDeclaredOnes() {
        assertThatThrownBy(() -> clicksPerUser().input("klicks", click("alice", 0)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': input for topic 'klicks', which is not declared; "
                        + "declared topics: [clicks, counts]");
    }

    @Test
    void aRecordForAPartitionTheTopicDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> clicksPerUser().input("clicks", click("alice", 3), click("bob", 4)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': input 'clicks' record 1 goes to partition 4 but the topic has "
                        + "4 partitions (0..3)");
    }

    @Test
    void recordsWithoutPartitionAndInTheLastPartitionAreAccepted() {
        SqlCase c = clicksPerUser()
                .input("clicks", TestRecord.of("alice", "{}", T0), click("bob", 3))
                .build();

        assertThat(c.inputs().get("clicks")).hasSize(2);
    }

    @Test
    void expectedRowsForAnUndeclaredTopicAreRefused() {
        assertThatThrownBy(() -> clicksPerUser().expectRows("count", Row.of("n", 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': expected rows for topic 'count', which is not declared; "
                        + "declared topics: [clicks, counts]");
        assertThatThrownBy(() -> clicksPerUser().expectUpsertRows("count").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': expected rows for topic 'count', which is not declared; "
                        + "declared topics: [clicks, counts]");
    }

    @Test
    void withExpectationValidatesTheNewExpectation() {
        SqlCase c = clicksPerUser().expectRows("counts", Row.of("n", 1)).build();

        assertThatThrownBy(() -> c.withExpectation(0, new Expectation("nope", OutputMode.APPEND, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': expected rows for topic 'nope', which is not declared; "
                        + "declared topics: [clicks, counts]");
    }

    @Test
    void withoutTopicsTheDeclaredListIsEmpty() {
        assertThatThrownBy(() -> SqlCase.named("bare").dml("SELECT 1").input("t", click("a", 0)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'bare': input for topic 't', which is not declared; declared topics: []");
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> clicksPerUser().timeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': timeout must be positive, got PT-1S");
        assertThatThrownBy(() -> clicksPerUser().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'clicks per user': timeout must be positive, got PT0S");
    }

    /** {@link CaseIds}: the unique per-run id of a case, used in topic names. */
    @Nested
    class Ids {
        private static final String SUFFIX = "[0-9a-f]{6}";

        @Test
        void isTheLowerCaseSlugOfTheNameAndASixDigitHexSuffix() {
            assertThat(CaseIds.next("Tumble Window Counts")).matches("tumble-window-counts-" + SUFFIX);
        }

        @Test
        void runsOfOtherCharactersBecomeOneDashAndEdgesAreTrimmed() {
            assertThat(CaseIds.next("  Orders: per  user (v2)!! ")).matches("orders-per-user-v2-" + SUFFIX);
            assertThat(CaseIds.next("Zählung_über/Tag")).matches("z-hlung-ber-tag-" + SUFFIX);
        }

        @Test
        void aNameWithoutLettersOrDigitsIsJustTheSuffix() {
            assertThat(CaseIds.next("!!! ???")).matches(SUFFIX);
            assertThat(CaseIds.next("")).matches(SUFFIX);
        }

        @Test
        void theSlugIsAtMost32CharactersAndDoesNotEndInADash() {
            String longName = "a".repeat(31) + " bcdefgh";

            String id = CaseIds.next(longName);

            assertThat(id).matches("a{31}-" + SUFFIX);
            assertThat(CaseIds.next("x".repeat(100))).matches("x{32}-" + SUFFIX);
        }

        @Test
        void idsOfTheSameNameDiffer() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                ids.add(CaseIds.next("same case"));
            }

            assertThat(ids).hasSize(10).allMatch(id -> id.matches("same-case-" + SUFFIX));
        }
    }
}
