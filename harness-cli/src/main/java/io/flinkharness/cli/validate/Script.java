package io.flinkharness.cli.validate;

import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.run.SqlCase;
import io.flinkharness.run.ValidationQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of a case the offline check plans, statement by statement, each with the file it is written in (the
 * case file, or the SQL file of {@code ddlFile}/{@code dmlFile}) and a name for messages.
 *
 * @param statements the statements, in order
 */
record Script(List<Statement> statements) {
    private static final Pattern FILE_AND_LINE = Pattern.compile("^(.+):(\\d+)(?: .*)?$");

    /**
     * One statement and where it is.
     *
     * @param file the file it is written in
     * @param where e.g. {@code ddl statement 2}
     */
    record Statement(Path file, String where, SqlStatement statement) {
    }

    Script {
        statements = List.copyOf(statements);
    }

    static Script ddl(SqlCase c) {
        return of("ddl", c.ddl(), c.ddlSource(), c.source() + " ddl", c.source(), c.ddlLine());
    }

    static Script dml(SqlCase c) {
        return of("dml", c.dml(), c.dmlSource(), c.source() + " dml", c.source(), c.dmlLine());
    }

    /** The {@code validate:} queries; each is one statement, located by the {@code file:line} of its source. */
    static Script validations(SqlCase c) {
        return new Script(c.validations().stream().map(q -> validation(c, q)).toList());
    }

    boolean isEmpty() {
        return statements.isEmpty();
    }

    private static Script of(String section, String text, String source, String inline, String caseFile, int line) {
        Path file = Path.of(source.equals(inline) ? caseFile : source);
        return new Script(SqlScript.split(text, source, line).stream()
                .map(s -> new Statement(file, section + " statement " + s.index(), s)).toList());
    }

    private static Statement validation(SqlCase c, ValidationQuery query) {
        Matcher m = FILE_AND_LINE.matcher(query.source());
        Path file = Path.of(m.matches() ? m.group(1) : c.source());
        // a block scalar (sql: |) starts on the line after its key
        int line = (m.matches() ? Integer.parseInt(m.group(2)) : 1) + (query.sql().contains("\n") ? 1 : 0);
        String text = query.sql().strip();
        return new Statement(file, "validation query '" + query.name() + "'",
                new SqlStatement(text, query.source(), 1, line));
    }
}
