package io.flinkharness.run;

import io.flinkharness.rows.Row;
import java.util.List;
import java.util.Objects;

/**
 * A query over a case's tables once its jobs have finished, and the rows it must return: checks that are easier
 * to say in SQL than as rows, e.g. "no order is counted twice":
 *
 * <pre>{@code
 * new ValidationQuery("no duplicate orders",
 *         "SELECT order_id, COUNT(*) AS n FROM first_orders GROUP BY order_id HAVING COUNT(*) > 1", List.of())
 * }</pre>
 *
 * <p>Every table of the case's DDL whose topic is one of the case's topics can be queried by its name; it holds
 * what the topic holds, read read_committed and typed by the table (an {@code upsert-kafka} table the latest row
 * per key). The query runs as a Flink batch job on the environment's cluster over those rows; its rows compare
 * ignoring order.
 *
 * @param name a short description for messages
 * @param sql one SELECT in Flink SQL
 * @param rows the rows it must return, in any order; empty for "no rows"
 * @param source where the query is written, e.g. {@code cases.yaml:40}, for messages
 */
public record ValidationQuery(String name, String sql, List<Row> rows, String source) {
    public ValidationQuery {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(sql, "sql cannot be null");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("validation query '" + name + "': the sql is empty");
        }
        rows = List.copyOf(rows);
        source = source == null ? "validation query '" + name + "'" : source;
    }

    public ValidationQuery(String name, String sql, List<Row> rows) {
        this(name, sql, rows, null);
    }
}
