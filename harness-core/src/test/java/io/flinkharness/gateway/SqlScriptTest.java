package io.flinkharness.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<String> texts(String script) {
        return SqlScript.split(script, "test.sql").stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndStripsSurroundingWhitespace() {
        assertThat(texts("CREATE TABLE a (x INT);\n  INSERT INTO a VALUES (1) ;\nSELECT * FROM a;"))
                .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)", "SELECT * FROM a");
    }

    @Test
    void keepsTheSourceAndNumbersStatementsFromOne() {
        List<SqlStatement> statements = SqlScript.split("SET 'a' = '1';\nSET 'b' = '2';\nSET 'c' = '3'", "case 'x' ddl");

        assertThat(statements).containsExactly(
                new SqlStatement("SET 'a' = '1'", "case 'x' ddl", 1, 1),
                new SqlStatement("SET 'b' = '2'", "case 'x' ddl", 2, 2),
                new SqlStatement("SET 'c' = '3'", "case 'x' ddl", 3, 3));
    }

    @Test
    void aTrailingStatementWithoutSemicolonIsKept() {
        assertThat(texts("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aScriptWithoutSemicolonIsOneStatement() {
        assertThat(SqlScript.split("SELECT 1", "s")).containsExactly(new SqlStatement("SELECT 1", "s", 1, 1));
    }

    @Test
    void emptyAndBlankScriptsHaveNoStatements() {
        assertThat(SqlScript.split("", "s")).isEmpty();
        assertThat(SqlScript.split(" \n\t\n", "s")).isEmpty();
        assertThat(SqlScript.split(";;\n;", "s")).isEmpty();
    }

    @Test
    void emptyStatementsAreSkippedAndDoNotCountForTheIndex() {
        List<SqlStatement> statements = SqlScript.split("SELECT 1;;\n ;\nSELECT 2;", "s");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", "s", 1, 1),
                new SqlStatement("SELECT 2", "s", 2, 3));
    }

    @Test
    void commentOnlyChunksAreSkippedAndDoNotCountForTheIndex() {
        List<SqlStatement> statements = SqlScript.split(
                "SELECT 1;\n-- nothing here;\n;\n/* nor; here */;\nSELECT 2;\n-- trailing comment", "s");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", "s", 1, 1),
                new SqlStatement("SELECT 2", "s", 2, 5));
    }

    @Test
    void semicolonsInStringLiteralsDoNotSplit() {
        assertThat(texts("SELECT 'a;b' FROM t; SELECT 2"))
                .containsExactly("SELECT 'a;b' FROM t", "SELECT 2");
    }

    @Test
    void doubledQuotesInALiteralDoNotEndIt() {
        assertThat(texts("SELECT 'it''s; still the literal' AS s; SELECT ''''; SELECT 3"))
                .containsExactly("SELECT 'it''s; still the literal' AS s", "SELECT ''''", "SELECT 3");
    }

    @Test
    void semicolonsInDoubleQuotedIdentifiersDoNotSplit() {
        assertThat(texts("SELECT \"a;\"\"b\" FROM t; SELECT 2"))
                .containsExactly("SELECT \"a;\"\"b\" FROM t", "SELECT 2");
    }

    @Test
    void semicolonsInBacktickIdentifiersDoNotSplit() {
        assertThat(texts("SELECT `we;ird` FROM t; SELECT `a``;b`"))
                .containsExactly("SELECT `we;ird` FROM t", "SELECT `a``;b`");
    }

    @Test
    void commentMarkersInsideLiteralsAreText() {
        assertThat(texts("SELECT '-- not a comment;' , '/* nor; this */'; SELECT 2"))
                .containsExactly("SELECT '-- not a comment;' , '/* nor; this */'", "SELECT 2");
    }

    @Test
    void quotesInsideCommentsDoNotOpenLiterals() {
        assertThat(texts("-- don't split here\nSELECT 1; /* it's */ SELECT 2"))
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsInLineCommentsDoNotSplitAndTheCommentIsDropped() {
        List<SqlStatement> statements = SqlScript.split("SELECT a -- first; second\nFROM t;\nSELECT 2;", "s");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT a \nFROM t", "s", 1, 1),
                new SqlStatement("SELECT 2", "s", 2, 3));
    }

    @Test
    void semicolonsInBlockCommentsDoNotSplitAndAnInnerBlockCommentIsKept() {
        assertThat(texts("SELECT /* one; two */ a FROM t; SELECT 2"))
                .containsExactly("SELECT /* one; two */ a FROM t", "SELECT 2");
    }

    @Test
    void singleMinusAndSlashAreOperatorsNotComments() {
        assertThat(texts("SELECT 4 - 2, 6 / 3; SELECT -1"))
                .containsExactly("SELECT 4 - 2, 6 / 3", "SELECT -1");
    }

    @Test
    void startLineCountsBlankLinesBeforeTheStatement() {
        List<SqlStatement> statements = SqlScript.split("\n\nSELECT 1;\n\n\n  SELECT 2;", "s");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 6);
    }

    @Test
    void startLineCountsLineCommentsBeforeTheStatement() {
        List<SqlStatement> statements = SqlScript.split("-- header\n-- more\nSELECT 1;\n-- about two\n\nSELECT 2;", "s");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", "s", 1, 3),
                new SqlStatement("SELECT 2", "s", 2, 6));
    }

    @Test
    void startLineCountsMultiLineBlockCommentsBeforeTheStatement() {
        List<SqlStatement> statements = SqlScript.split("/* a\n b;\n c */\nSELECT 1;", "s");

        assertThat(statements).containsExactly(new SqlStatement("SELECT 1", "s", 1, 4));
    }

    @Test
    void startLineCountsNewlinesInsideLiteralsOfEarlierStatements() {
        List<SqlStatement> statements = SqlScript.split("SELECT 'a\nb\nc';\nSELECT 2;", "s");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 'a\nb\nc'", "s", 1, 1),
                new SqlStatement("SELECT 2", "s", 2, 4));
    }

    @Test
    void aStatementAfterASemicolonOnTheSameLineStartsOnThatLine() {
        List<SqlStatement> statements = SqlScript.split("SELECT 1; SELECT 2;\nSELECT 3;", "s");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 1, 2);
    }

    @Test
    void windowsLineEndingsCountAsOneLine() {
        List<SqlStatement> statements = SqlScript.split("SELECT 1;\r\n\r\nSELECT 2;", "s");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3);
    }

    @Test
    void aStatementStartingWithAQuotedIdentifierStartsThere() {
        List<SqlStatement> statements = SqlScript.split("\n`weird table`;", "s");

        assertThat(statements).containsExactly(new SqlStatement("`weird table`", "s", 1, 2));
    }

    @Test
    void aLeadingLineCommentIsNotPartOfTheStatementText() {
        List<SqlStatement> statements = SqlScript.split("-- counts per user\nINSERT INTO counts\nSELECT 1", "s");

        assertThat(statements).containsExactly(new SqlStatement("INSERT INTO counts\nSELECT 1", "s", 1, 2));
    }

    @Test
    void aLeadingBlockCommentIsNotPartOfTheStatementText() {
        List<SqlStatement> statements = SqlScript.split("SELECT 0;\n/* the\n   test */ INSERT INTO counts\nSELECT 1;", "s");

        assertThat(statements.get(1)).isEqualTo(new SqlStatement("INSERT INTO counts\nSELECT 1", "s", 2, 3));
    }

    @Test
    void theStatementTextKeepsItsInnerLineStructureSoFlinkLineNumbersMapToScriptLines() {
        String script = "-- setup\n\nCREATE TABLE t (\n  a INT\n);\n\nINSERT INTO t\nSELECT a\nFORM src;";

        List<SqlStatement> statements = SqlScript.split(script, "s");

        SqlStatement insert = statements.get(1);
        assertThat(insert.line()).isEqualTo(7);
        // Flink's "line 3" of the statement is script line 7 + 3 - 1 = 9
        assertThat(insert.text().split("\n")[2]).isEqualTo("FORM src");
        assertThat(script.split("\n")[insert.line() + 3 - 2]).isEqualTo("FORM src;");
    }

    @Test
    void anUnterminatedLiteralRunsToTheEndOfTheScript() {
        assertThat(texts("SELECT 1; SELECT 'open; literal")).containsExactly("SELECT 1", "SELECT 'open; literal");
    }

    @Test
    void anUnterminatedBlockCommentRunsToTheEndOfTheScript() {
        assertThat(texts("SELECT 1; /* open; comment")).containsExactly("SELECT 1");
    }

    @Test
    void doesNotSplitInsideAnExecuteStatementSetBlock() {
        String script = "CREATE TABLE a (x INT);\n"
                + "EXECUTE STATEMENT SET\n"
                + "BEGIN\n"
                + "INSERT INTO a SELECT 1;\n"
                + "INSERT INTO a SELECT 2;\n"
                + "END;";

        List<SqlStatement> statements = SqlScript.split(script, "s");

        assertThat(statements).containsExactly(
                new SqlStatement("CREATE TABLE a (x INT)", "s", 1, 1),
                new SqlStatement("EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO a SELECT 2;\nEND",
                        "s", 2, 2));
    }

    @Test
    void theStatementSetEndsAtEndAndTheNextStatementIsSplitOff() {
        assertThat(texts("execute  statement set /* both */ begin\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\n"
                + "end;\nSELECT 3;"))
                .containsExactly("execute  statement set /* both */ begin\n  INSERT INTO a SELECT 1;\n"
                        + "  INSERT INTO b SELECT 2;\nend", "SELECT 3");
    }

    @Test
    void aBeginStatementSetSequenceStaysSeparateStatementsForTheGatewaySession() {
        assertThat(texts("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSELECT 3"))
                .containsExactly("BEGIN STATEMENT SET", "INSERT INTO a SELECT 1", "INSERT INTO b SELECT 2", "END", "SELECT 3");
    }

    @Test
    void aWordEndingInEndDoesNotCloseTheStatementSet() {
        assertThat(texts("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM backend; INSERT INTO b SELECT 2; END;"))
                .containsExactly("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM backend; INSERT INTO b SELECT 2; END");
    }

    @Test
    void statementSetWordsInsideACommentOrAnotherStatementDoNotJoinStatements() {
        assertThat(texts("/* EXECUTE STATEMENT SET BEGIN */ SELECT 1; SELECT 'EXECUTE STATEMENT SET BEGIN'; SELECT 2"))
                .containsExactly("SELECT 1", "SELECT 'EXECUTE STATEMENT SET BEGIN'", "SELECT 2");
    }
}
