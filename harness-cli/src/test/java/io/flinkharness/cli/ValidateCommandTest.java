package io.flinkharness.cli;

import static io.flinkharness.cli.CaseText.with;
import static io.flinkharness.cli.CaseText.write;
import static io.flinkharness.cli.RunCommandTest.noEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: case files and their SQL checked without Kafka or a Flink cluster. */
class ValidateCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "cases");
    private static final String SUMMARY = "\\d+ files?: \\d+ valid, \\d+ invalid \\(\\d+ cases?, \\d+\\.\\d\\d s\\)";

    @TempDir
    Path dir;

    @Test
    void acceptsTheSampleCases() {
        CliRun run = CliRun.of(noEnvironment(), "validate", SAMPLES.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).as(run.transcript()).containsExactly(
                "OK  " + SAMPLES.resolve("avro-registry-orders.yaml") + " (1 case)",
                "OK  " + SAMPLES.resolve("dedup-generated-duplicates.yaml") + " (1 case)",
                "OK  " + SAMPLES.resolve("dedup.yaml") + " (1 case)",
                "OK  " + SAMPLES.resolve("late-records-dropped.yaml") + " (1 case)",
                "OK  " + SAMPLES.resolve("orders-suite.yaml") + " (5 cases)",
                "OK  " + SAMPLES.resolve("tumble-window.yaml") + " (1 case)",
                "OK  " + SAMPLES.resolve("unbounded-tumble-window.yaml") + " (1 case)",
                run.outLines().get(7));
        assertThat(run.outLines().get(7)).matches("7 files: 7 valid, 0 invalid \\(11 cases, \\d+\\.\\d\\d s\\)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unknownColumnInTheDml() {
        Path file = write(dir.resolve("case.yaml"), with("SELECT `user`, COUNT(*)", "SELECT `usr`, COUNT(*)"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":30:10: dml statement 1: Column 'usr' not found in any table",
                "        30 |   SELECT `usr`, COUNT(*)",
                "           |          ^");
        assertThat(run.outLines()).last().asString()
                .matches("1 file: 0 valid, 1 invalid \\(1 case, \\d+\\.\\d\\d s\\)");
    }

    @Test
    void unknownTable() {
        Path file = write(dir.resolve("case.yaml"), with("TUMBLE(TABLE clicks,", "TUMBLE(TABLE click,"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":31:27: dml statement 1: Object 'click' not found",
                "        31 |   FROM TABLE(TUMBLE(TABLE click, DESCRIPTOR(ts), INTERVAL '5' SECOND))",
                "           |                           ^");
    }

    @Test
    void typeErrorShowsTheQueryAndSinkSchemas() {
        Path file = write(dir.resolve("case.yaml"), with("SELECT `user`, COUNT(*)", "SELECT `user`, MAX(ts)"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":29:3: dml statement 1: Column types of query result and sink for"
                        + " 'default_catalog.default_database.counts' do not match.",
                "        Cause: Incompatible types for sink column 'clicks' at position 1.",
                "        Query schema: [user: STRING, EXPR$1: TIMESTAMP(3) *ROWTIME*]",
                "        Sink schema:  [user: STRING, clicks: BIGINT]");
    }

    @Test
    void syntaxError() {
        Path file = write(dir.resolve("case.yaml"), with("  FROM TABLE(TUMBLE(", "  FORM TABLE(TUMBLE("));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        // FORM reads as an alias of COUNT(*), so the parser stops at TABLE
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":31:8: dml statement 1: SQL parse failed. Encountered \"TABLE\".",
                "        Was expecting one of: <EOF>, \"EXCEPT\" ..., \"FETCH\" ..., \"FROM\" ..., \"INTERSECT\" ...,"
                        + " \"LIMIT\" ..., \"OFFSET\" ..., \"ORDER\" ..., ... (4 more)",
                "        31 |   FORM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))",
                "           |        ^");
    }

    @Test
    void updatingQueryIntoAnAppendOnlySink() {
        Path file = write(dir.resolve("case.yaml"), with("""
                  FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))
                  GROUP BY `user`, window_start, window_end
                """, """
                  FROM clicks
                  GROUP BY `user`
                """));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":29:3: dml statement 1: Table sink 'default_catalog.default_database.counts'"
                        + " doesn't support consuming update changes which is produced by node"
                        + " GroupAggregate(groupBy=[user], select=[user, COUNT(*) AS EXPR$1])");
    }

    @Test
    void misspeltConnectorOptionIsReportedAtTheOptionWithASuggestion() {
        Path file = write(dir.resolve("case.yaml"), with("'scan.startup.mode' =", "'scan.startup.mod' ="));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":14:5: ddl statement 1: Unable to create a source for reading table"
                        + " 'default_catalog.default_database.clicks'.",
                "        caused by: Unsupported options found for 'kafka'.",
                "          Unsupported options: scan.startup.mod (did you mean 'scan.startup.mode'?)",
                "        found while planning dml statement 1 at line 29",
                "        14 |     'scan.startup.mod' = 'earliest-offset',",
                "           |     ^");
    }

    @Test
    void misspeltConnectorIsReportedAtItsOptionWithASuggestion() {
        Path file = write(dir.resolve("case.yaml"), with("'connector' = 'kafka',\n    'topic' = '${topic.counts}'",
                "'connector' = 'kafak',\n    'topic' = '${topic.counts}'"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":23:5: ddl statement 2: Unable to create a sink for writing table"
                        + " 'default_catalog.default_database.counts'.",
                "        caused by: Could not find any factory for identifier 'kafak' that implements"
                        + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.",
                "          Available factory identifiers are: blackhole, datagen, dynamic-kafka, kafka, legacy-csv,"
                        + " print, upsert-kafka (did you mean 'kafka'?)",
                "        found while planning dml statement 1 at line 29",
                "        23 |     'connector' = 'kafak',",
                "           |     ^");
    }

    @Test
    void aSinkProblemWithoutAnOptionIsReportedAtTheTable() {
        Path file = write(dir.resolve("case.yaml"), with("'topic' = '${topic.counts}',",
                "'topic' = '${topic.counts}',\n    'sink.delivery-guarantee' = 'exactly-once',"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":19:3: ddl statement 2: Unable to create a sink for writing table"
                        + " 'default_catalog.default_database.counts'.",
                "        caused by: sink.transactional-id-prefix must be specified when using"
                        + " DeliveryGuarantee.EXACTLY_ONCE.",
                "        found while planning dml statement 1 at line 30");
    }

    @Test
    void unknownPlaceholder() {
        Path file = write(dir.resolve("case.yaml"), with("'${topic.counts}'", "'${topic.count}'"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":24:16: ddl statement 2: unknown placeholder ${topic.count}; known placeholders:"
                        + " [bootstrap.servers, case.id, kafka.options, schema.registry.url, topic.clicks, topic.counts] (topics must"
                        + " be declared in the case to get a ${topic.NAME} placeholder)",
                "        24 |     'topic' = '${topic.count}',",
                "           |                ^");
    }

    @Test
    void topicNamedWithoutPlaceholder() {
        Path file = write(dir.resolve("case.yaml"), with("'${topic.counts}'", "'counts'"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":24:5: ddl statement 2: table option 'topic' = 'counts' names a topic that the case"
                        + " does not create — declare it in the case's topics and write '${topic.counts}' (declared"
                        + " topics: [clicks, counts])",
                "        24 |     'topic' = 'counts',",
                "           |     ^");
    }

    @Test
    void aDdlErrorIsTheOnlyProblemReported() {
        Path file = write(dir.resolve("case.yaml"), with("    clicks BIGINT", "    clicks BIGNT"));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":21:12: ddl statement 2: Unknown identifier 'BIGNT'",
                "        21 |     clicks BIGNT",
                "           |            ^");
    }

    @Test
    void statementsAfterTheFirstAreLocatedByTheirOwnLine() {
        Path file = write(dir.resolve("case.yaml"), with("""
                  INSERT INTO counts
                  SELECT `user`, COUNT(*)
                """, """
                  SET 'table.exec.source.idle-timeout' = '1 s';
                  INSERT INTO counts
                  SELECT `user`, COUNT(*), 1
                """));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).hasSize(5).startsWith(
                "FAIL  " + file,
                "      " + file + ":30:3: dml statement 2: Column types of query result and sink for"
                        + " 'default_catalog.default_database.counts' do not match.",
                "        Cause: Different number of columns.");
    }

    @Test
    void aDmlThatStartsNoJob() {
        Path file = write(dir.resolve("case.yaml"), with("""
                  INSERT INTO counts
                  SELECT `user`, COUNT(*)
                """, """
                  SELECT `user`, COUNT(*)
                """));

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":29:3: dml statement 1: the dml starts no Flink job — give an INSERT INTO or a"
                        + " STATEMENT SET that writes to a declared topic");
    }

    @Test
    void fileWithSeveralCasesAndASharedDdlFile() {
        Path file = suite(SUITE, TABLES);

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).first().isEqualTo("OK  " + file + " (2 cases)");
        assertThat(run.outLines()).last().asString()
                .matches("1 file: 1 valid, 0 invalid \\(2 cases, \\d+\\.\\d\\d s\\)");
    }

    @Test
    void aProblemOfTheSharedDmlIsReportedOnceForAllCases() {
        Path file = suite(SUITE.replace("SELECT `user`, COUNT(*)\n", "SELECT `usr`, COUNT(*)\n"), TABLES);

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":8:12: all 2 cases, dml statement 1: Column 'usr' not found in any table",
                "         8 |     SELECT `usr`, COUNT(*)",
                "           |            ^");
    }

    @Test
    void aProblemOfTheDdlFileIsReportedInThatFile() {
        Path file = suite(SUITE, TABLES.replace("  clicks BIGINT", "  clicks BIGNT"));
        Path tables = dir.resolve("sql").resolve("tables.sql");

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + tables + ":16:10: all 2 cases, ddl statement 2: Unknown identifier 'BIGNT'",
                "        16 |   clicks BIGNT",
                "           |          ^");
    }

    @Test
    void validationQueriesArePlannedOverTheCaseTables() {
        Path file = suite(SUITE.replace("FROM counts GROUP BY", "FROM countz GROUP BY"), TABLES);

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problemLines(run)).containsExactly(
                "FAIL  " + file,
                "      " + file + ":22:48: case 'no user counted twice', validation query 'one row per user': Object"
                        + " 'countz' not found",
                "        22 |         sql: SELECT `user`, COUNT(*) AS n FROM countz GROUP BY `user` HAVING"
                        + " COUNT(*) > 1",
                "           |                                                ^");
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() {
        Path broken = write(dir.resolve("a-broken.yaml"), "name: broken\ntopics:\n  out: { partitions: 1\ndml: x\n");
        Path wrongSql = write(dir.resolve("b-wrong-sql.yaml"), with("TABLE clicks,", "TABLE click,"));
        Path valid = write(dir.resolve("c-valid.yaml"), CaseText.VALID);
        Path unknownField = write(dir.resolve("d-unknown-field.yaml"), "name: x\ntopcs: {}\n");

        CliRun run = CliRun.of(noEnvironment(), "validate", dir.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("FAIL  " + broken);
        assertThat(lines.get(1)).startsWith("      " + broken + ":4:4: YAML syntax: ");
        assertThat(lines.get(2)).isEqualTo("FAIL  " + wrongSql);
        assertThat(lines.get(3)).isEqualTo("      " + wrongSql + ":31:27: dml statement 1: Object 'click' not found");
        assertThat(lines.subList(6, lines.size())).containsExactly(
                "OK  " + valid + " (1 case)",
                "FAIL  " + unknownField,
                "      " + unknownField + ":2:1: topcs: unknown field 'topcs' — did you mean 'topics'? (known fields:"
                        + " name, tags, timeout, topics, input, generate, ddl, ddlFile, dml, dmlFile, expect,"
                        + " validate, run)",
                lines.get(lines.size() - 1));
        assertThat(lines).last().asString().matches("4 files: 1 valid, 3 invalid \\(4 cases, \\d+\\.\\d\\d s\\)");
    }

    @Test
    void missingPathIsReportedAndTheOtherPathsAreChecked() {
        Path valid = write(dir.resolve("valid.yaml"), CaseText.VALID);
        Path missing = dir.resolve("missing.yaml");

        CliRun run = CliRun.of(noEnvironment(), "validate", missing.toString(), valid.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no such file or directory: " + missing + System.lineSeparator());
        assertThat(run.outLines()).first().isEqualTo("OK  " + valid + " (1 case)");
    }

    @Test
    void globsThatTheShellDidNotExpand() {
        Path a = write(dir.resolve("a.yaml"), CaseText.VALID);
        Path b = write(dir.resolve("b.yaml"), CaseText.VALID);
        write(dir.resolve("notes.txt"), "not a case");
        write(dir.resolve("other.yml"), "not matched by the glob");

        CliRun run = CliRun.of(noEnvironment(), "validate", dir + "/*.yaml");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).containsExactly("OK  " + a + " (1 case)", "OK  " + b + " (1 case)",
                run.outLines().get(2));
    }

    @Test
    void globThatMatchesNothing() {
        CliRun run = CliRun.of(noEnvironment(), "validate", dir + "/*.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no file matches " + dir + "/*.yaml" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void directoryWithoutCaseFiles() {
        write(dir.resolve("README.md"), "not a case");

        CliRun run = CliRun.of(noEnvironment(), "validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no case files (*.yaml, *.yml) found in " + dir
                + " — pass case files, or directories that hold them" + System.lineSeparator());
    }

    @Test
    void noSqlOnlyLoadsTheFiles() {
        Path file = write(dir.resolve("case.yaml"), with("TABLE clicks,", "TABLE click,"));

        CliRun run = CliRun.of(noEnvironment(), "validate", "--no-sql", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).first().isEqualTo("OK  " + file + " (1 case)");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of(noEnvironment(), "validate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: flink-sql-harness validate", "explainSql", "Exit codes:",
                "0   every case file is valid", "2   bad input: a case file that is invalid",
                "3   Flink's planner could not be started for the SQL check");
    }

    private static final String SUITE = """
            shared:
              topics:
                clicks: { partitions: 1 }
                counts: { partitions: 1 }
              ddlFile: sql/tables.sql
              dml: |
                INSERT INTO counts
                SELECT `user`, COUNT(*)
                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))
                GROUP BY `user`, window_start, window_end
            cases:
              - name: no clicks
                expect:
                  - topic: counts
                    rows: []
              - name: no user counted twice
                expect:
                  - topic: counts
                    rows: []
                validate:
                  - name: one row per user
                    sql: SELECT `user`, COUNT(*) AS n FROM counts GROUP BY `user` HAVING COUNT(*) > 1
                    rows: []
            """;
    private static final String TABLES = """
            -- the tables of the suite
            CREATE TABLE clicks (
              `user` STRING,
              ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
            ) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.clicks}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset',
              'scan.bounded.mode' = 'latest-offset',
              'format' = 'json'
            );
            CREATE TABLE counts (
              `user` STRING,
              clicks BIGINT
            ) WITH (
              'connector' = 'kafka',
              'topic' = '${topic.counts}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'format' = 'json'
            );
            """;

    private Path suite(String yaml, String tables) {
        try {
            java.nio.file.Files.createDirectories(dir.resolve("sql"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        write(dir.resolve("sql").resolve("tables.sql"), tables);
        return write(dir.resolve("suite.yaml"), yaml);
    }

    /** What is printed for the files, without the summary. */
    private static List<String> problemLines(CliRun run) {
        List<String> lines = run.outLines();
        assertThat(lines).as(run.transcript()).last().asString().matches(SUMMARY);
        return lines.subList(0, lines.size() - 1);
    }
}
