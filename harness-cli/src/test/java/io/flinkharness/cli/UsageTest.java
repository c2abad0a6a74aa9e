package io.flinkharness.cli;

import static io.flinkharness.cli.RunCommandTest.noEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.env.EnvironmentStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything {@code flink-sql-harness} decides before it starts an environment. */
class UsageTest {
    @TempDir
    Path dir;

    @Test
    void noCaseFileFound() throws IOException {
        Files.writeString(dir.resolve("README.md"), "not a case");

        CliRun run = CliRun.of(noEnvironment(), "run", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no case files (*.yaml, *.yml) found in " + dir
                + " — pass case files, or directories that hold them" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void pathThatDoesNotExist() {
        Path missing = dir.resolve("missing");

        CliRun run = CliRun.of(noEnvironment(), "run", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no such file or directory: " + missing + System.lineSeparator());
    }

    @Test
    void noFileLoadsSoNoEnvironmentStarts() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: broken\ntopcs: {}\n");

        CliRun run = CliRun.of(noEnvironment(), "run", broken.toString());

        assertThat(run.exitCode()).as("bad input").isEqualTo(2);
        assertThat(run.outLines()).containsExactly(
                "FAIL  " + broken + "  (not loaded)",
                "      " + broken + ":2:1: topcs: unknown field 'topcs' — did you mean 'topics'? (known fields: name,"
                        + " tags, timeout, topics, input, generate, ddl, ddlFile, dml, dmlFile, expect, validate, run)",
                "0 passed, 0 failed, 1 not loaded");
    }

    @Test
    void environmentThatDoesNotStart() throws IOException {
        Path valid = Files.writeString(dir.resolve("valid.yaml"),
                "name: valid\ntopics: { out: { partitions: 1 } }\ndml: INSERT INTO out SELECT 1\n");

        CliRun run = CliRun.of(() -> {
            throw new EnvironmentStartException("broker did not start", null);
        }, "run", valid.toString());

        assertThat(run.exitCode()).as("the environment could not start").isEqualTo(3);
        assertThat(run.outLines()).containsExactly(
                "the environment did not start, so no case ran: broker did not start",
                "FAIL  valid  (not run)",
                "0 passed, 0 failed, 1 not run");
    }

    @Test
    void reportsAreWrittenWhenNoFileLoads() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: broken\ntopcs: {}\n");
        Path xml = dir.resolve("out/junit.xml");

        CliRun run = CliRun.of(noEnvironment(), "run", broken.toString(), "--junit-xml", xml.toString());

        assertThat(run.exitCode()).as("bad input").isEqualTo(2);
        assertThat(run.outLines()).containsExactly(
                "FAIL  " + broken + "  (not loaded)",
                "      " + broken + ":2:1: topcs: unknown field 'topcs' — did you mean 'topics'? (known fields: name,"
                        + " tags, timeout, topics, input, generate, ddl, ddlFile, dml, dmlFile, expect, validate, run)",
                "wrote the JUnit XML report (--junit-xml) to " + xml,
                "0 passed, 0 failed, 1 not loaded");
        assertThat(ReportXml.texts(ReportXml.parse(Files.readString(xml)), "//testcase/error/@message"))
                .containsExactly(broken + ":2:1: topcs: unknown field 'topcs' — did you mean 'topics'? (known fields:"
                        + " name, tags, timeout, topics, input, generate, ddl, ddlFile, dml, dmlFile, expect, validate, run)");
    }

    @Test
    void aReportPathThatIsADirectoryIsAnErrorThatKeepsTheResults() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: broken\ntopcs: {}\n");

        CliRun run = CliRun.of(noEnvironment(), "run", broken.toString(), "--html", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.outLines()).first().isEqualTo("FAIL  " + broken + "  (not loaded)");
        assertThat(run.outLines()).last().isEqualTo("0 passed, 0 failed, 1 not loaded");
        assertThat(run.err()).isEqualTo("cannot write the HTML report (--html) to " + dir + ": it is a directory"
                + " — give a file name, e.g. " + dir.resolve("report") + System.lineSeparator());
    }

    @Test
    void helpDescribesTheReports() {
        CliRun run = CliRun.of(noEnvironment(), "run", "--help");

        assertThat(run.out()).contains("--junit-xml=FILE", "--html=FILE", "JUnit XML report",
                "self-contained HTML report", "2   bad input: bad usage, no case file found, a case file or case that did",
                "3   the environment (Kafka, Flink) could not start");
    }

    @Test
    void noSubcommand() {
        CliRun run = CliRun.of(noEnvironment());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing subcommand: give one of [help, run, validate, generate, init]")
                .contains("Usage: flink-sql-harness");
    }

    @Test
    void unknownOption() {
        CliRun run = CliRun.of(noEnvironment(), "run", "--fast");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--fast'");
    }

    @Test
    void unknownSubcommandSuggestsTheClosest() {
        CliRun run = CliRun.of(noEnvironment(), "runn");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Did you mean: flink-sql-harness run");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of(noEnvironment(), "run", "--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: flink-sql-harness run", "default: samples/cases",
                "0   every case passed", "1   a case failed or errored", "2   bad input: bad usage",
                "3   the environment (Kafka, Flink) could not start", "when several apply, the highest wins");
    }

    @Test
    void aRemoteEnvironmentWithoutItsSettingsOrServicesDoesNotStart() throws IOException {
        Path valid = Files.writeString(dir.resolve("valid.yaml"),
                "name: valid\ntopics: { out: { partitions: 1 } }\ndml: INSERT INTO out SELECT 1\n");

        CliRun missing = CliRun.of((EnvironmentStarter) io.flinkharness.env.Environments::start, "run", valid.toString(), "--env", "remote");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.out()).startsWith("the environment did not start, so no case ran: missing setting"
                + " remote.bootstrap-servers (the Kafka cluster's bootstrap servers) — give it as"
                + " -Dflinkharness.remote.bootstrap-servers=..., the environment variable"
                + " FLINK_HARNESS_REMOTE_BOOTSTRAP_SERVERS, or --env-setting remote.bootstrap-servers=... on the"
                + " command line\n");

        CliRun unreachable = CliRun.of((EnvironmentStarter) io.flinkharness.env.Environments::start, "run", valid.toString(), "--env", "remote",
                "--env-setting", "remote.bootstrap-servers=127.0.0.1:1",
                "--env-setting", "remote.sql-gateway=http://127.0.0.1:1",
                "--env-setting", "remote.flink-rest=http://127.0.0.1:1",
                "--env-setting", "remote.connect-timeout=1s");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.out()).startsWith("the environment did not start, so no case ran: the Kafka cluster at"
                + " 127.0.0.1:1 did not answer within PT1S — check remote.bootstrap-servers");
    }

    @Test
    void badRunOptionsAreBadInput() throws IOException {
        Path valid = Files.writeString(dir.resolve("valid.yaml"),
                "name: valid\ntags: [smoke]\ntopics: { out: { partitions: 1 } }\ndml: INSERT INTO out SELECT 1\n");

        CliRun parallelism = CliRun.of(noEnvironment(), "run", valid.toString(), "--parallelism", "0");
        assertThat(parallelism.exitCode()).isEqualTo(2);
        assertThat(parallelism.err()).startsWith("--parallelism must be at least 1, got 0");

        CliRun env = CliRun.of(noEnvironment(), "run", valid.toString(), "--env", "docker");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).startsWith("unknown environment 'docker' (--env) — known environments: [embedded,"
                + " remote, containers]");

        CliRun glob = CliRun.of(noEnvironment(), "run", dir.resolve("*.yml").toString());
        assertThat(glob.exitCode()).isEqualTo(2);
        assertThat(glob.err()).startsWith("no file matches " + dir.resolve("*.yml"));

        CliRun tag = CliRun.of(noEnvironment(), "run", valid.toString(), "--tag", "nightly");
        assertThat(tag.exitCode()).isEqualTo(2);
        assertThat(tag.err()).startsWith("no case matches --tag nightly among the 1 cases found");
    }
}
