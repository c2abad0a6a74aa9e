package io.flinkharness.gateway;

import java.util.List;
import java.util.Optional;

/**
 * What a statement returned: the result kind, the columns and rows of its result (for DDL just "OK"), and the
 * id of the Flink job it started, if it started one (INSERT, STATEMENT SET).
 */
public record StatementResult(SqlStatement statement, String resultKind, List<String> columns,
                              List<List<Object>> rows, Optional<String> jobId) {
    public StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
