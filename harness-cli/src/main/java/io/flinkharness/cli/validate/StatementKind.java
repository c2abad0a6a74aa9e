package io.flinkharness.cli.validate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the offline check does with a statement: statements that only register something (CREATE TABLE, CREATE
 * VIEW, USE, ADD JAR ...) are executed, since that starts nothing; statements that would start a job (INSERT,
 * statement sets, queries, CREATE TABLE AS SELECT) are only planned; SET changes the planner's configuration;
 * RESET and the {@code BEGIN STATEMENT SET;} / {@code END;} brackets, which the SQL Gateway collects, are skipped.
 */
enum StatementKind {
    SET,
    SKIPPED,
    PLANNED,
    EXECUTED;

    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern PLANNED_HEAD = Pattern.compile(
            "^(INSERT|EXECUTE|SELECT|WITH|VALUES|EXPLAIN)\\b.*"
                    + "|^(CREATE (OR REPLACE )?|REPLACE )(TEMPORARY )?TABLE\\b.*\\bAS (SELECT|WITH|VALUES)\\b.*");
    private static final Pattern SKIPPED_HEAD = Pattern.compile("^(RESET|BEGIN STATEMENT SET|END)\\b.*");
    private static final Pattern JOB_HEAD = Pattern.compile("^(INSERT|EXECUTE|BEGIN STATEMENT SET)\\b.*");

    static StatementKind of(String statement) {
        String code = normalized(statement);
        if (code.matches("^SET\\b.*")) {
            return SET;
        }
        if (SKIPPED_HEAD.matcher(code).matches()) {
            return SKIPPED;
        }
        return PLANNED_HEAD.matcher(code).matches() ? PLANNED : EXECUTED;
    }

    /** Whether the statement starts a Flink job when a case runs. */
    static boolean startsJob(String statement) {
        return JOB_HEAD.matcher(normalized(statement)).matches();
    }

    /** Upper case, without block comments, on one line with single spaces. */
    private static String normalized(String statement) {
        return COMMENT.matcher(statement).replaceAll(" ").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
