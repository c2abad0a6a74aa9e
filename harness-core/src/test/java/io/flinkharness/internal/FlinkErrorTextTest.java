package io.flinkharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.internal.FlinkErrorText.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkErrorTextTest {
    static final String OPERATION = "Failed to execute the operation 4d3b1a2c-9f0e-4c1d-8a57-2e6f0b9c7d11.";

    /** What the gateway's REST layer puts in its errors array for a statement Flink cannot parse. */
    static final String PARSE_ERROR = String.join("\n",
            "org.apache.flink.table.gateway.service.utils.SqlExecutionException: " + OPERATION,
            "\tat org.apache.flink.table.gateway.service.operation.OperationManager$Operation.processThrowable(OperationManager.java:415)",
            "\tat org.apache.flink.table.gateway.service.operation.OperationManager$Operation.lambda$run$0(OperationManager.java:268)",
            "\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)",
            "\tat java.base/java.lang.Thread.run(Thread.java:840)",
            "Caused by: org.apache.flink.table.api.SqlParserException: SQL parse failed. Encountered \"FORM\" at line 2, column 10.",
            "Was expecting one of:",
            "    <EOF> ",
            "    \"EXCEPT\" ...",
            "    \"FETCH\" ...",
            "    \"FROM\" ...",
            "    ",
            "\tat org.apache.flink.table.planner.parse.CalciteParser.parseSqlList(CalciteParser.java:81)",
            "\tat org.apache.flink.table.planner.delegation.ParserImpl.parse(ParserImpl.java:102)",
            "\tat org.apache.flink.table.gateway.service.operation.OperationExecutor.executeStatement(OperationExecutor.java:207)",
            "\t... 12 more",
            "Caused by: org.apache.flink.sql.parser.impl.ParseException: Encountered \"FORM\" at line 2, column 10.",
            "Was expecting one of:",
            "    <EOF> ",
            "    \"EXCEPT\" ...",
            "    \"FETCH\" ...",
            "    \"FROM\" ...",
            "    ",
            "\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.generateParseException(FlinkSqlParserImpl.java:45120)",
            "\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.jj_consume_token(FlinkSqlParserImpl.java:44931)",
            "\t... 14 more",
            "");

    static final String PARSE_MESSAGE = String.join("\n",
            "SQL parse failed. Encountered \"FORM\" at line 2, column 10.",
            "Was expecting one of:",
            "    <EOF> ",
            "    \"EXCEPT\" ...",
            "    \"FETCH\" ...",
            "    \"FROM\" ...");

    static final String VALIDATION_ERROR = String.join("\n",
            "org.apache.flink.table.gateway.service.utils.SqlExecutionException: " + OPERATION,
            "\tat org.apache.flink.table.gateway.service.operation.OperationManager$Operation.processThrowable(OperationManager.java:415)",
            "\tat java.base/java.lang.Thread.run(Thread.java:840)",
            "Caused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 15 to line 1, column 21: Object 'nosuch' not found",
            "\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.org$apache$flink$table$planner$calcite$FlinkPlannerImpl$$validate(FlinkPlannerImpl.scala:200)",
            "\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:117)",
            "\t... 13 more",
            "Caused by: org.apache.calcite.runtime.CalciteContextException: From line 1, column 15 to line 1, column 21: Object 'nosuch' not found",
            "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
            "\tat org.apache.calcite.runtime.Resources$ExInstWithCause.ex(Resources.java:511)",
            "\t... 30 more",
            "Caused by: org.apache.calcite.sql.validate.SqlValidatorException: Object 'nosuch' not found",
            "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
            "\tat org.apache.calcite.runtime.Resources$ExInst.ex(Resources.java:605)",
            "\t... 35 more");

    @Test
    void causesOfAParseErrorAreTheChainOutermostFirstWithMultiLineMessages() {
        assertThat(FlinkErrorText.causes(PARSE_ERROR)).containsExactly(
                new Cause("org.apache.flink.table.gateway.service.utils.SqlExecutionException", OPERATION),
                new Cause("org.apache.flink.table.api.SqlParserException", PARSE_MESSAGE),
                new Cause("org.apache.flink.sql.parser.impl.ParseException",
                        PARSE_MESSAGE.substring("SQL parse failed. ".length())));
    }

    @Test
    void causesOfAValidationError() {
        assertThat(FlinkErrorText.causes(VALIDATION_ERROR)).containsExactly(
                new Cause("org.apache.flink.table.gateway.service.utils.SqlExecutionException", OPERATION),
                new Cause("org.apache.flink.table.api.ValidationException",
                        "SQL validation failed. From line 1, column 15 to line 1, column 21: Object 'nosuch' not found"),
                new Cause("org.apache.calcite.runtime.CalciteContextException",
                        "From line 1, column 15 to line 1, column 21: Object 'nosuch' not found"),
                new Cause("org.apache.calcite.sql.validate.SqlValidatorException", "Object 'nosuch' not found"));
    }

    @Test
    void causesReadsWindowsLineEndings() {
        assertThat(FlinkErrorText.causes(VALIDATION_ERROR.replace("\n", "\r\n")))
                .isEqualTo(FlinkErrorText.causes(VALIDATION_ERROR));
    }

    @Test
    void anExceptionWithoutMessageHasAnEmptyMessage() {
        String trace = String.join("\n",
                "org.apache.flink.util.FlinkRuntimeException: boom",
                "\tat org.example.A.a(A.java:1)",
                "Caused by: java.lang.NullPointerException",
                "\tat org.example.B.b(B.java:2)",
                "\t... 1 more");

        List<Cause> causes = FlinkErrorText.causes(trace);

        assertThat(causes).containsExactly(
                new Cause("org.apache.flink.util.FlinkRuntimeException", "boom"),
                new Cause("java.lang.NullPointerException", ""));
        assertThat(causes.get(1)).hasToString("java.lang.NullPointerException");
    }

    @Test
    void aMessageThatNamesAnotherExceptionKeepsItInTheMessage() {
        List<Cause> causes = FlinkErrorText.causes(
                "org.apache.flink.table.gateway.api.utils.SqlGatewayException: "
                        + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
                        + "\tat org.example.A.a(A.java:1)");

        assertThat(causes).containsExactly(new Cause("org.apache.flink.table.gateway.api.utils.SqlGatewayException",
                "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults."));
    }

    @Test
    void causesOfEmptyTextIsEmpty() {
        assertThat(FlinkErrorText.causes("")).isEmpty();
        assertThat(FlinkErrorText.causes("\n  \n")).isEmpty();
    }

    @Test
    void causeToStringIsClassColonMessage() {
        assertThat(new Cause("org.apache.calcite.sql.validate.SqlValidatorException", "Object 'nosuch' not found"))
                .hasToString("org.apache.calcite.sql.validate.SqlValidatorException: Object 'nosuch' not found");
    }

    @Test
    void plainErrorTextWithoutExceptionClassPrintsAsItIs() {
        List<Cause> causes = FlinkErrorText.causes("Not found: /v3/sessions/abc");

        assertThat(causes).containsExactly(new Cause("", "Not found: /v3/sessions/abc"));
        assertThat(causes.get(0)).hasToString("Not found: /v3/sessions/abc");
        assertThat(FlinkErrorText.summary(List.of("Internal server error."))).isEqualTo("Internal server error.");
    }

    @Test
    void mostTellingSkipsTheGatewayWrapperOfAParseError() {
        assertThat(FlinkErrorText.mostTelling(FlinkErrorText.causes(PARSE_ERROR)))
                .contains(new Cause("org.apache.flink.table.api.SqlParserException", PARSE_MESSAGE));
    }

    @Test
    void mostTellingOfAValidationErrorIsFlinksValidationException() {
        assertThat(FlinkErrorText.mostTelling(FlinkErrorText.causes(VALIDATION_ERROR)).map(Cause::toString))
                .contains("org.apache.flink.table.api.ValidationException: SQL validation failed. "
                        + "From line 1, column 15 to line 1, column 21: Object 'nosuch' not found");
    }

    @Test
    void mostTellingSkipsEveryKnownWrapper() {
        List<Cause> causes = List.of(
                new Cause("org.apache.flink.runtime.rest.handler.RestHandlerException", "Failed to fetchResults."),
                new Cause("java.util.concurrent.CompletionException", "x"),
                new Cause("java.util.concurrent.ExecutionException", "x"),
                new Cause("org.apache.flink.util.FlinkRuntimeException", "x"),
                new Cause("org.apache.flink.util.SerializedThrowable", "x"),
                new Cause("org.apache.flink.table.gateway.api.utils.SqlGatewayException", "Failed to fetchResults."),
                new Cause("org.apache.flink.table.gateway.service.utils.SqlExecutionException", OPERATION),
                new Cause("org.apache.flink.table.api.TableException", "Unsupported query"),
                new Cause("java.lang.IllegalStateException", "deeper"));

        assertThat(FlinkErrorText.mostTelling(causes))
                .contains(new Cause("org.apache.flink.table.api.TableException", "Unsupported query"));
    }

    @Test
    void mostTellingSkipsAClasslessFailedToExecuteLine() {
        List<Cause> causes = List.of(new Cause("", OPERATION), new Cause("java.lang.RuntimeException", "real"));

        assertThat(FlinkErrorText.mostTelling(causes)).contains(new Cause("java.lang.RuntimeException", "real"));
    }

    @Test
    void mostTellingFallsBackToTheRootWhenEveryCauseIsAWrapper() {
        List<Cause> causes = List.of(
                new Cause("org.apache.flink.table.gateway.api.utils.SqlGatewayException", "Failed to fetchResults."),
                new Cause("org.apache.flink.table.gateway.service.utils.SqlExecutionException", OPERATION));

        assertThat(FlinkErrorText.mostTelling(causes)).contains(causes.get(1));
    }

    @Test
    void mostTellingOfNoCausesIsEmpty() {
        assertThat(FlinkErrorText.mostTelling(List.of())).isEmpty();
    }

    @Test
    void rootIsTheInnermostCause() {
        assertThat(FlinkErrorText.root(FlinkErrorText.causes(VALIDATION_ERROR)))
                .contains(new Cause("org.apache.calcite.sql.validate.SqlValidatorException", "Object 'nosuch' not found"));
        assertThat(FlinkErrorText.root(FlinkErrorText.causes(PARSE_ERROR)).map(Cause::exceptionClass))
                .contains("org.apache.flink.sql.parser.impl.ParseException");
        assertThat(FlinkErrorText.root(List.of())).isEmpty();
    }

    @Test
    void positionIsTheFirstLineAndColumnInTheMessage() {
        assertThat(FlinkErrorText.position("SQL validation failed. From line 1, column 15 to line 1, column 21: x"))
                .hasValueSatisfying(p -> assertThat(p).containsExactly(1, 15));
        assertThat(FlinkErrorText.position(PARSE_MESSAGE)).hasValueSatisfying(p -> assertThat(p).containsExactly(2, 10));
        assertThat(FlinkErrorText.position("At line 12, column 3: Column 'x' not found"))
                .hasValueSatisfying(p -> assertThat(p).containsExactly(12, 3));
    }

    @Test
    void positionIsEmptyWithoutLineAndColumn() {
        assertThat(FlinkErrorText.position("Object 'nosuch' not found")).isEmpty();
        assertThat(FlinkErrorText.position("line 2 column 3")).isEmpty();
        assertThat(FlinkErrorText.position("")).isEmpty();
    }

    @Test
    void summaryIsTheMostTellingCauseOfTheLongestErrorText() {
        assertThat(FlinkErrorText.summary(List.of("Internal server error.", VALIDATION_ERROR)))
                .isEqualTo("org.apache.flink.table.api.ValidationException: SQL validation failed. "
                        + "From line 1, column 15 to line 1, column 21: Object 'nosuch' not found");
    }

    @Test
    void summaryOfNoErrorsIsEmpty() {
        assertThat(FlinkErrorText.summary(List.of())).isEmpty();
    }

    @Test
    void summaryOfAParseErrorIsOneLine() {
        assertThat(FlinkErrorText.summary(List.of("Internal server error.", PARSE_ERROR)))
                .isEqualTo("org.apache.flink.table.api.SqlParserException: SQL parse failed. "
                        + "Encountered \"FORM\" at line 2, column 10.");
    }

    /** The errors array as Flink's REST handler really writes it for an exception it does not handle itself. */
    static String asServerSideException(String trace) {
        return "<Exception on server side:\n"
                + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: "
                + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
                + "\tat org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)\n"
                + "\tat org.apache.flink.table.gateway.rest.handler.AbstractSqlGatewayRestHandler.respondToRequest(AbstractSqlGatewayRestHandler.java:84)\n"
                + "Caused by: org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
                + "\tat org.apache.flink.table.gateway.service.SqlGatewayServiceImpl.fetchResults(SqlGatewayServiceImpl.java:231)\n"
                + "\t... 48 more\n"
                + "Caused by: " + trace.strip() + "\n"
                + "\nEnd of exception on server side>";
    }

    @Test
    void theServerSideExceptionEnvelopeIsNotACause() {
        List<Cause> causes = FlinkErrorText.causes(asServerSideException(VALIDATION_ERROR));

        assertThat(causes).extracting(Cause::exceptionClass).containsExactly(
                "org.apache.flink.table.gateway.api.utils.SqlGatewayException",
                "org.apache.flink.table.gateway.api.utils.SqlGatewayException",
                "org.apache.flink.table.gateway.service.utils.SqlExecutionException",
                "org.apache.flink.table.api.ValidationException",
                "org.apache.calcite.runtime.CalciteContextException",
                "org.apache.calcite.sql.validate.SqlValidatorException");
        assertThat(FlinkErrorText.mostTelling(causes).map(Cause::exceptionClass))
                .contains("org.apache.flink.table.api.ValidationException");
    }

    @Test
    void causesOfSuppressedExceptionsAreNotPartOfTheChain() {
        String trace = String.join("\n",
                "org.apache.flink.util.FlinkRuntimeException: wrapper",
                "\tat org.example.A.a(A.java:1)",
                "\tSuppressed: java.io.IOException: close failed",
                "\t\tat org.example.C.close(C.java:3)",
                "\tCaused by: java.net.SocketException: Connection reset",
                "\t\tat org.example.D.d(D.java:4)",
                "\t\t... 2 more",
                "Caused by: org.apache.kafka.common.errors.TimeoutException: Topic t-1 not present in metadata after 60000 ms.",
                "\tat org.example.B.b(B.java:2)",
                "\t... 1 more");

        assertThat(FlinkErrorText.causes(trace)).containsExactly(
                new Cause("org.apache.flink.util.FlinkRuntimeException", "wrapper"),
                new Cause("org.apache.kafka.common.errors.TimeoutException",
                        "Topic t-1 not present in metadata after 60000 ms."));
    }

    @Test
    void causeToStringWithoutMessageIsTheClassAlone() {
        assertThat(new Cause("java.lang.NullPointerException", "")).hasToString("java.lang.NullPointerException");
        assertThat(new Cause("", "")).hasToString("");
    }

    @Test
    void aSuppressedExceptionAfterTheLastCauseIsNotTheRoot() {
        String trace = String.join("\n",
                "java.lang.RuntimeException: outer",
                "\tat org.example.A.a(A.java:1)",
                "Caused by: java.lang.IllegalStateException: inner",
                "\tat org.example.B.b(B.java:2)",
                "\tSuppressed: java.io.IOException: close failed",
                "\t\tat org.example.C.close(C.java:3)",
                "\tCaused by: java.net.SocketException: Connection reset",
                "\t\t... 2 more");

        assertThat(FlinkErrorText.root(FlinkErrorText.causes(trace)))
                .contains(new Cause("java.lang.IllegalStateException", "inner"));
    }

    @Test
    void briefNamesUnsupportedOptionsWithTheClosestSupportedOne() {
        String message = """
                Unsupported options found for 'kafka'.

                Unsupported options:

                scan.startup.mod

                Supported options:

                connector
                format
                scan.startup.mode
                topic
                """;

        assertThat(FlinkErrorText.brief(message)).isEqualTo("Unsupported options found for 'kafka'. Unsupported"
                + " options: scan.startup.mod (did you mean 'scan.startup.mode'?)");
    }

    @Test
    void briefKeepsShortFollowingLinesAndCutsLongOnes() {
        assertThat(FlinkErrorText.brief("Could not find the field 'usr'. The following columns can be selected:\n"
                + "[user, amount]\n")).isEqualTo("Could not find the field 'usr'. The following columns can be"
                + " selected: [user, amount]");
        assertThat(FlinkErrorText.brief("first\n" + "x".repeat(500))).isEqualTo("first …");
    }
}
