package io.flinkharness.cli.validate;

import io.flinkharness.gateway.SqlStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One problem the offline SQL check found in a statement.
 *
 * @param file the file the statement is written in: the case file, or the SQL file of {@code ddlFile}/{@code dmlFile}
 * @param where which statement, e.g. {@code dml statement 1} or {@code validation query 'no duplicates'}
 * @param statement the statement as written (placeholders not replaced), with its line in {@code file}
 * @param line 1-based line within the statement, 0 when the problem has no position
 * @param column 1-based column within that line of the statement, 0 when unknown
 * @param headline what is wrong, on one line
 * @param details further lines of the explanation (Flink's schemas, a root cause); may be empty
 */
record SqlProblem(Path file, String where, SqlStatement statement, int line, int column, String headline,
        List<String> details) {

    SqlProblem {
        Objects.requireNonNull(file, "file cannot be null");
        Objects.requireNonNull(where, "where cannot be null");
        Objects.requireNonNull(statement, "statement cannot be null");
        Objects.requireNonNull(headline, "headline cannot be null");
        details = List.copyOf(details);
    }

    /** A problem with the statement as a whole. */
    static SqlProblem of(Script.Statement at, String headline) {
        return at(at, 0, 0, headline, List.of());
    }

    static SqlProblem at(Script.Statement at, int line, int column, String headline, List<String> details) {
        return new SqlProblem(at.file(), at.where(), at.statement(), line, column, headline, details);
    }

    /** The line of {@link #file} the problem is on. */
    int fileLine() {
        return statement.line() + Math.max(line, 1) - 1;
    }

    /** The text of the statement's line that the problem is on. */
    String statementLine() {
        String[] lines = statement.text().split("\\R", -1);
        int index = Math.max(line, 1) - 1;
        return index < lines.length ? lines[index] : "";
    }
}
