package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation queries over tables of rows, as batch jobs on the shared embedded cluster. */
class ValidationQueriesTest {
    private final ValidationQueries queries = new ValidationQueries(SharedTestEnvironment.get());

    private static final ResultTable ORDERS = ResultTable.builder("orders").column("order_id", "STRING")
            .column("amount", "DECIMAL(8, 2)").column("ts", "TIMESTAMP(3)")
            .row("o1", "10.50", "2024-01-01 00:00:01").row("o1", "10.50", "2024-01-01 00:00:01")
            .row("o2", "3.00", "2024-01-01 00:00:02").build();
    private static final ResultTable NONE = ResultTable.builder("no_orders").column("order_id", "STRING").build();

    @Test
    void aQueryOverTheTablesReturnsTypedRows() {
        ValidationQuery duplicates = new ValidationQuery("duplicates", "SELECT order_id, COUNT(*) AS n,"
                + " SUM(amount) AS total, MAX(ts) AS last_ts FROM orders GROUP BY order_id HAVING COUNT(*) > 1",
                List.of(Row.of("order_id", "o1", "n", 2, "total", "21.00", "last_ts", "2024-01-01 00:00:01")));

        assertThat(queries.check(duplicates, Map.of("orders", ORDERS, "no_orders", NONE))).isEmpty();
    }

    @Test
    void aGlobalAggregateOverNoRowsIsOneRowAndADifferenceIsADiff() {
        ValidationQuery count = new ValidationQuery("count", "SELECT COUNT(*) AS n FROM no_orders",
                List.of(Row.of("n", 1)), "cases.yaml:9");

        assertThat(queries.check(count, Map.of("no_orders", NONE))).hasValueSatisfying(diff -> assertThat(diff)
                .startsWith("Expecting table validation 'count' (cases.yaml:9, append, 1 row)\n")
                .contains("    - 1\n").contains("    + 0\n")
                .endsWith("query:\n  SELECT COUNT(*) AS n FROM no_orders"));
    }

    @Test
    void aQueryFlinkRejectsSaysWhereAndWhichTablesThereAre() {
        ValidationQuery bad = new ValidationQuery("bad", "SELECT nope FROM orders", List.of(), "cases.yaml:12");

        assertThatThrownBy(() -> queries.check(bad, Map.of("orders", ORDERS)))
                .hasMessageStartingWith("cases.yaml:12: the validation query failed: ")
                .hasMessageContaining("Column 'nope' not found")
                .hasMessageEndingWith(" — the tables it can read: [orders]");
    }
}
