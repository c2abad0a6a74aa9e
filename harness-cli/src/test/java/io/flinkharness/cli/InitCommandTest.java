package io.flinkharness.cli;

import static io.flinkharness.cli.CaseText.write;
import static io.flinkharness.cli.RunCommandTest.noEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init}: a case file scaffolded from DDL, and {@code validate} on what it wrote. */
class InitCommandTest {
    private static final Path DDL = Path.of("src", "test", "resources", "ddl");

    @TempDir
    Path dir;

    @Test
    void scaffoldsACaseFromProductionDdl() throws IOException {
        Path out = dir.resolve("orders.yaml");

        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("orders.sql").toString(),
                "--output", out.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(DDL.resolve("orders.expected.yaml")));
        assertThat(run.outLines()).containsExactly(
                "wrote " + out + ": topics orders, large_orders; generated input for orders; dml INSERT INTO"
                        + " large_orders ... FROM orders",
                out + ":2: # TODO: write the query under test (dml) and the rows it writes (expect); then check the"
                        + " file",
                out + ":53: -- TODO: the query under test. This skeleton copies the columns that orders and"
                        + " large_orders share.",
                out + ":64: # TODO: the rows the query writes, e.g. - { order_id: ..., customer: ..., amount: ...,"
                        + " order_time: ... }",
                "next: flink-sql-harness validate " + out);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void sinkColumnsWithoutASourceColumnGetStandIns() throws IOException {
        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("clicks.sql").toString(), "-o", "-");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(DDL.resolve("clicks.expected.yaml")));
        assertThat(run.err().lines()).contains(
                "<stdout>:53: CAST('2026-01-01 00:00:00' AS TIMESTAMP(3)) AS `window_start`,  -- TODO: no column"
                        + " window_start of type TIMESTAMP(3) in clicks",
                "<stdout>:54: CAST(NULL AS BIGINT) AS `clicks`  -- TODO: no column clicks of type BIGINT in clicks");
    }

    @Test
    void validateAcceptsTheScaffoldsAsTheyAre() {
        Path orders = dir.resolve("orders.yaml");
        Path clicks = dir.resolve("clicks.yaml");
        assertThat(CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("orders.sql").toString(), "-o",
                orders.toString()).exitCode()).isZero();
        assertThat(CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("clicks.sql").toString(), "-o",
                clicks.toString()).exitCode()).isZero();

        CliRun run = CliRun.of(noEnvironment(), "validate", orders.toString(), clicks.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.outLines()).startsWith("OK  " + orders + " (1 case)", "OK  " + clicks + " (1 case)");
    }

    @Test
    void validateReportsTheTodoOfAColumnWithoutStandIn() {
        Path tags = dir.resolve("tags.yaml");
        CliRun init = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("tags.sql").toString(), "-o",
                tags.toString());
        assertThat(init.exitCode()).as(init.transcript()).isZero();
        assertThat(init.outLines()).contains(tags + ":51: `TODO_tags`,  -- TODO: no column tags of type"
                + " ARRAY<STRING> in articles");

        CliRun run = CliRun.of(noEnvironment(), "validate", tags.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
        assertThat(run.outLines()).startsWith(
                "FAIL  " + tags,
                "      " + tags + ":51:5: dml statement 1: Column 'TODO_tags' not found in any table",
                "        51 |     `TODO_tags`,  -- TODO: no column tags of type ARRAY<STRING> in articles",
                "           |     ^");
    }

    @Test
    void chosenTablesAndSink() throws IOException {
        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("clicks.sql").toString(),
                "--table", "clicks", "clicks_per_minute", "--sink", "clicks", "--name", "reversed", "-o", "-");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).contains("name: reversed\n", "generate:\n  clicks_per_minute:\n",
                "  INSERT INTO `clicks`\n", "  FROM `clicks_per_minute`\n", "  - topic: clicks\n    mode: append\n");
    }

    @Test
    void existingOutputIsKeptWithoutForce() throws IOException {
        Path out = write(dir.resolve("orders.yaml"), "my own case\n");

        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("orders.sql").toString(), "-o",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(out + " exists — give --force to overwrite it, or another --output"
                + System.lineSeparator());
        assertThat(Files.readString(out)).isEqualTo("my own case\n");

        CliRun forced = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("orders.sql").toString(), "-o",
                out.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.transcript()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(DDL.resolve("orders.expected.yaml")));
    }

    @Test
    void ddlFileWithoutCreateTable() {
        Path ddl = write(dir.resolve("settings.sql"), "SET 'table.local-time-zone' = 'UTC';\nSELECT 1;\n");

        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", ddl.toString(), "-o",
                dir.resolve("x.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(ddl + ": no CREATE TABLE statement — init scaffolds a case from the tables of"
                + " a DDL file: give a file with CREATE TABLE ... WITH ('connector' = 'kafka', 'topic' = '...', ...)"
                + System.lineSeparator());
        assertThat(dir.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void missingDdlFile() {
        Path missing = dir.resolve("missing.sql");

        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", missing.toString(), "-o", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no such DDL file: " + missing + " — give a .sql file with the CREATE TABLE"
                + " statements of the pipeline" + System.lineSeparator());
    }

    @Test
    void ddlThatFlinkRejects() {
        Path ddl = write(dir.resolve("bad.sql"), "CREATE TABLE t (\n  a INT,\n  b NOTYPE\n) WITH ('connector' ="
                + " 'kafka', 'topic' = 't');\n");

        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", ddl.toString(), "-o", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).first().isEqualTo("statement 1 (line 1) of bad.sql failed: From line 3, column 5"
                + " to line 3, column 10: Unknown identifier 'NOTYPE'");
    }

    @Test
    void oneTableIsNotACase() {
        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("clicks.sql").toString(),
                "--table", "clicks", "-o", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(DDL.resolve("clicks.sql") + ": one table with a 'topic' option (clicks) among"
                + " [clicks] — a case needs a source table and a sink table on Kafka topics ('connector' = 'kafka' or"
                + " 'upsert-kafka'): add the missing CREATE TABLE, or select it with --table" + System.lineSeparator());
    }

    @Test
    void unknownTable() {
        CliRun run = CliRun.of(noEnvironment(), "init", "--ddl", DDL.resolve("clicks.sql").toString(),
                "--table", "clicks", "clikcs_per_minute", "-o", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--table clikcs_per_minute: " + DDL.resolve("clicks.sql") + " declares no table"
                + " 'clikcs_per_minute' — did you mean 'clicks_per_minute'? (its tables: clicks, clicks_per_minute)"
                + System.lineSeparator());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of(noEnvironment(), "init", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: flink-sql-harness init", "--ddl=FILE.sql", "--force", "Exit codes:",
                "0   the case file was written", "2   bad input or usage");
    }
}
