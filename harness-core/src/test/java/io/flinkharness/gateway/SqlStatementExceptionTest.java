package io.flinkharness.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementExceptionTest {
    private static final String OPERATION = "Failed to execute the operation 9b8e7c1d-2a3f-4e5d-9c0b-1f2e3d4c5b6a.";

    private static final String PARSE_ERROR = String.join("\n",
            "org.apache.flink.table.gateway.service.utils.SqlExecutionException: " + OPERATION,
            "\tat org.apache.flink.table.gateway.service.operation.OperationManager$Operation.processThrowable(OperationManager.java:415)",
            "\tat java.base/java.lang.Thread.run(Thread.java:840)",
            "Caused by: org.apache.flink.table.api.SqlParserException: SQL parse failed. Encountered \"FORM\" at line 2, column 10.",
            "Was expecting one of:",
            "    <EOF> ",
            "    \"FROM\" ...",
            "    ",
            "\tat org.apache.flink.table.planner.parse.CalciteParser.parseSqlList(CalciteParser.java:81)",
            "\t... 12 more",
            "Caused by: org.apache.flink.sql.parser.impl.ParseException: Encountered \"FORM\" at line 2, column 10.",
            "Was expecting one of:",
            "    <EOF> ",
            "    \"FROM\" ...",
            "    ",
            "\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.generateParseException(FlinkSqlParserImpl.java:45120)",
            "\t... 14 more");

    private static final String VALIDATION_ERROR = String.join("\n",
            "org.apache.flink.table.gateway.service.utils.SqlExecutionException: " + OPERATION,
            "\tat java.base/java.lang.Thread.run(Thread.java:840)",
            "Caused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 15 to line 1, column 22: Object 'nosuch' not found",
            "\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:117)",
            "\t... 13 more",
            "Caused by: org.apache.calcite.sql.validate.SqlValidatorException: Object 'nosuch' not found",
            "\tat org.apache.calcite.runtime.Resources$ExInst.ex(Resources.java:605)",
            "\t... 35 more");

    private static final String EXECUTION_ERROR = String.join("\n",
            "org.apache.flink.table.gateway.service.utils.SqlExecutionException: " + OPERATION,
            "\tat java.base/java.lang.Thread.run(Thread.java:840)",
            "Caused by: org.apache.flink.table.api.TableException: Failed to execute sql",
            "\tat org.apache.flink.table.api.internal.TableEnvironmentImpl.executeInternal(TableEnvironmentImpl.java:1099)",
            "\t... 10 more",
            "Caused by: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.",
            "Call: describeTopics",
            "\t... 20 more");

    private static final SqlStatement DML = new SqlStatement("INSERT INTO counts\nSELECT x FORM clicks", "case 'x' dml", 2, 7);

    @Test
    void rendersAParseErrorWithLocationMessageNumberedLinesAndCaret() {
        SqlStatementException e = SqlStatementException.fromServerErrors(DML, List.of("Internal server error.", PARSE_ERROR));

        assertThat(e).hasMessage(String.join("\n",
                "statement 2 (line 7) of case 'x' dml failed: SQL parse failed. Encountered \"FORM\" at line 2, column 10.",
                "  statement:",
                "     7 | INSERT INTO counts",
                "     8 | SELECT x FORM clicks",
                "       |          ^ line 8, column 10"));
    }

    @Test
    void keepsFlinksWholeMessageTheRootCauseAndThePosition() {
        SqlStatementException e = SqlStatementException.fromServerErrors(DML, List.of("Internal server error.", PARSE_ERROR));

        assertThat(e.statement()).isSameAs(DML);
        assertThat(e.flinkMessage()).isEqualTo(String.join("\n",
                "SQL parse failed. Encountered \"FORM\" at line 2, column 10.",
                "Was expecting one of:",
                "    <EOF> ",
                "    \"FROM\" ..."));
        assertThat(e.rootCause()).startsWith(
                "org.apache.flink.sql.parser.impl.ParseException: Encountered \"FORM\" at line 2, column 10.\n");
        assertThat(e.position()).hasValueSatisfying(p -> assertThat(p).containsExactly(2, 10));
    }

    @Test
    void readsTheLongestErrorTextWhateverItsPlace() {
        SqlStatementException first = SqlStatementException.fromServerErrors(DML, List.of(PARSE_ERROR, "Internal server error."));
        SqlStatementException second = SqlStatementException.fromServerErrors(DML, List.of("Internal server error.", PARSE_ERROR));

        assertThat(first).hasMessage(second.getMessage());
    }

    @Test
    void aValidationErrorPointsAtTheColumnAndOmitsARootCauseThatAddsNothing() {
        SqlStatement select = new SqlStatement("SELECT * FROM `nosuch`", "orders.sql", 1, 3);

        SqlStatementException e = SqlStatementException.fromServerErrors(select, List.of("Internal server error.", VALIDATION_ERROR));

        assertThat(e).hasMessage(String.join("\n",
                "statement 1 (line 3) of orders.sql failed: SQL validation failed. "
                        + "From line 1, column 15 to line 1, column 22: Object 'nosuch' not found",
                "  statement:",
                "     3 | SELECT * FROM `nosuch`",
                "       |               ^ line 3, column 15"));
        assertThat(e.rootCause()).isEqualTo("org.apache.calcite.sql.validate.SqlValidatorException: Object 'nosuch' not found");
    }

    @Test
    void aRootCauseThatAddsInformationIsShownBriefly() {
        SqlStatement insert = new SqlStatement("INSERT INTO out\nSELECT * FROM src", "case 'y' dml", 1, 1);

        SqlStatementException e = SqlStatementException.fromServerErrors(insert, List.of("Internal server error.", EXECUTION_ERROR));

        assertThat(e).hasMessage(String.join("\n",
                "statement 1 (line 1) of case 'y' dml failed: Failed to execute sql",
                "  root cause: org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment."
                        + " Call: describeTopics",
                "  statement:",
                "     1 | INSERT INTO out",
                "     2 | SELECT * FROM src"));
        assertThat(e.position()).isEmpty();
    }

    @Test
    void withoutAnyErrorTextTheMessageSaysUnknownError() {
        SqlStatementException e = SqlStatementException.fromServerErrors(SqlStatement.of("SELECT 1"), List.of());

        assertThat(e).hasMessage("statement 1 (line 1) of statement failed: unknown error\n  statement:\n     1 | SELECT 1");
        assertThat(e.flinkMessage()).isEqualTo("unknown error");
        assertThat(e.rootCause()).isEmpty();
    }

    @Test
    void aPositionOutsideTheStatementGetsNoCaret() {
        SqlStatementException e = new SqlStatementException(SqlStatement.of("SELECT 1"),
                "Encountered \"x\" at line 5, column 2.", "");

        assertThat(e).hasMessage("statement 1 (line 1) of statement failed: Encountered \"x\" at line 5, column 2.\n"
                + "  statement:\n"
                + "     1 | SELECT 1");
    }

    @Test
    void columnZeroPutsTheCaretUnderTheFirstColumn() {
        SqlStatementException e = new SqlStatementException(SqlStatement.of("SELEC 1"),
                "Non-query expression encountered in illegal context at line 1, column 0", "");

        assertThat(e.getMessage()).endsWith("\n     1 | SELEC 1\n       | ^ line 1, column 1");
    }

    @Test
    void theConstructorShowsTheMessagesFirstLineAndTheRootCauseBriefly() {
        SqlStatementException e = new SqlStatementException(SqlStatement.of("SELECT 1"),
                "first line\nsecond line", "java.io.IOException: disk full\n  more");

        assertThat(e).hasMessage("statement 1 (line 1) of statement failed: first line\n"
                + "  root cause: java.io.IOException: disk full more\n"
                + "  statement:\n"
                + "     1 | SELECT 1");
        assertThat(e.flinkMessage()).isEqualTo("first line\nsecond line");
        assertThat(e.rootCause()).isEqualTo("java.io.IOException: disk full\n  more");
    }

    /** Flink's AbstractHandler wraps every exception it does not handle itself in this envelope. */
    @Test
    void rendersTheSameForTheServerSideExceptionEnvelopeFlinkReallySends() {
        String envelope = "<Exception on server side:\n"
                + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: "
                + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
                + "\tat org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)\n"
                + "Caused by: org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
                + "\tat org.apache.flink.table.gateway.service.SqlGatewayServiceImpl.fetchResults(SqlGatewayServiceImpl.java:231)\n"
                + "\t... 48 more\n"
                + "Caused by: " + PARSE_ERROR + "\n"
                + "\nEnd of exception on server side>";

        SqlStatementException e = SqlStatementException.fromServerErrors(DML, List.of("Internal server error.", envelope));

        assertThat(e).hasMessage(String.join("\n",
                "statement 2 (line 7) of case 'x' dml failed: SQL parse failed. Encountered \"FORM\" at line 2, column 10.",
                "  statement:",
                "     7 | INSERT INTO counts",
                "     8 | SELECT x FORM clicks",
                "       |          ^ line 8, column 10"));
    }
}
