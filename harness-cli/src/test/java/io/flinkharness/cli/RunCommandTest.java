package io.flinkharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.flinkharness.env.FlinkKafkaEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code run} against the real embedded environment, started once for the whole class. */
class RunCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "cases");
    private static final SharedEnvironment ENV = new SharedEnvironment();

    @TempDir
    Path dir;

    @AfterAll
    static void stopEnvironment() {
        ENV.close();
    }

    @Test
    void runsTheSampleCases() {
        int closedBefore = ENV.closed();

        CliRun run = CliRun.of(ENV, "run", SAMPLES.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(0);
        assertThat(run.outLines()).as(run.transcript())
                .anyMatch(l -> l.matches("environment started in \\d+\\.\\d\\d s"))
                .anyMatch(l -> l.matches("PASS  dedup orders, first event per order_id  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  clicks per user and 5-second window  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  late records are dropped from 10-second windows  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  dedup removes generated duplicates  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  avro orders through a schema registry, grand total  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  latest order per customer  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  big orders only, nothing else  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  unbounded clicks per user and 10-second window  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("      awaited counts windowEnd: 2026-01-01T00:00:10Z: \\d+ ms after the last"
                        + " input, \\d+ checkpoints?"))
                .last().isEqualTo("11 passed, 0 failed");
        assertThat(ENV.closed()).as("the command closes the environment").isEqualTo(closedBefore + 1);
    }

    @Test
    void reportsAFileThatDoesNotLoadAndRunsTheOthers() throws IOException {
        Files.copy(SAMPLES.resolve("tumble-window.yaml"), dir.resolve("a-valid.yaml"));
        Path broken = Files.writeString(dir.resolve("b-broken.yaml"),
                "name: broken\ntopics:\n  out: { partitions: 1\ndml: x\n");

        CliRun run = CliRun.of(ENV, "run", dir.toString());

        assertThat(run.exitCode()).as(run.transcript()).as("bad input").isEqualTo(2);
        assertThat(run.outLines()).as(run.transcript())
                .contains("FAIL  " + broken + "  (not loaded)")
                .anyMatch(l -> l.startsWith("      " + broken + ":4:4: YAML syntax: "))
                .anyMatch(l -> l.matches("PASS  clicks per user and 5-second window  \\(\\d+\\.\\d\\d s\\)"))
                .last().isEqualTo("1 passed, 0 failed, 1 not loaded");
    }

    @Test
    void printsTheDiffOfACaseThatFails() throws IOException {
        String sample = Files.readString(SAMPLES.resolve("tumble-window.yaml"));
        Files.writeString(dir.resolve("wrong.yaml"), sample
                .replace("name: clicks per user and 5-second window", "name: wrong expectation")
                .replace("{ user: carol, window_start: \"2024-01-01 00:00:10\", clicks: 1, total: 6 }",
                        "{ user: carol, window_start: \"2024-01-01 00:00:10\", clicks: 1, total: 60 }"));

        CliRun run = CliRun.of(ENV, "run", dir.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.outLines()).as(run.transcript())
                .anyMatch(l -> l.matches("FAIL  wrong expectation  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.startsWith("      ") && l.contains("total"))
                .last().isEqualTo("0 passed, 1 failed");
    }

    @Test
    void writesBothReportsForPassingFailingAndBrokenCaseFiles() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.copy(SAMPLES.resolve("tumble-window.yaml"), cases.resolve("a-pass.yaml"));
        Files.writeString(cases.resolve("b-wrong.yaml"), wrongExpectation());
        Path broken = Files.writeString(cases.resolve("c-broken.yaml"),
                "name: broken\ntopics:\n  out: { partitions: 1\ndml: x\n");
        Path xml = dir.resolve("reports/junit.xml");
        Path html = dir.resolve("reports/report.html");

        CliRun run = CliRun.of(ENV, "run", cases.toString(), "--junit-xml", xml.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.transcript()).as("bad input wins over a failed case").isEqualTo(2);
        assertThat(run.outLines()).as(run.transcript())
                .contains("wrote the JUnit XML report (--junit-xml) to " + xml,
                        "wrote the HTML report (--html) to " + html)
                .last().isEqualTo("1 passed, 1 failed, 1 not loaded");
        Document junit = ReportXml.parse(Files.readString(xml));
        assertThat(ReportXml.texts(junit, "/testsuites/@tests | /testsuites/@failures | /testsuites/@errors"))
                .containsExactlyInAnyOrder("3", "1", "1");
        assertThat(ReportXml.texts(junit, "//testcase/@name"))
                .containsExactly("clicks per user and 5-second window", "wrong expectation", "c-broken.yaml");
        assertThat(ReportXml.texts(junit, "//testcase/@classname")).containsExactly(
                absolute(cases.resolve("a-pass.yaml")), absolute(cases.resolve("b-wrong.yaml")), absolute(broken));
        assertThat(ReportXml.texts(junit, "//testcase[@name='wrong expectation']/failure"))
                .singleElement(STRING).contains("total", "60");
        assertThat(ReportXml.texts(junit, "//testcase[@name='c-broken.yaml']/error/@message"))
                .singleElement(STRING).startsWith(broken + ":4:4: YAML syntax: ");
        assertThat(ReportXml.texts(junit, "(//testcase)[1]/system-out")).singleElement(STRING)
                .contains("status: PASSED", "timings: produce ", "generated input seeds: none");
        Document page = ReportXml.parse(Files.readString(html));
        assertThat(ReportXml.texts(page, "//table[@class='summary']/tr[2]/td")).startsWith("1", "1", "0", "1");
        assertThat(ReportXml.texts(page, "//section/h2")).containsExactly("passed clicks per user and 5-second"
                + " window", "failed wrong expectation", "not loaded c-broken.yaml");
        assertThat(ReportXml.texts(page, "//section[1]//svg")).as("an input picture of the TUMBLE case").hasSize(1);
        assertThat(ReportXml.texts(page, "//section[2]/pre[@class='message']")).singleElement(STRING)
                .contains("total", "60");
        assertThat(ReportXml.texts(page, "//section[3]/pre[@class='message']")).singleElement(STRING)
                .startsWith(broken + ":4:4: YAML syntax: ");
    }

    @Test
    void aReportThatCannotBeWrittenIsAnErrorAfterTheResults() throws Exception {
        Files.copy(SAMPLES.resolve("tumble-window.yaml"), dir.resolve("pass.yaml"));
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "");
        Path html = notADirectory.resolve("report.html");
        Path xml = dir.resolve("junit.xml");

        CliRun run = CliRun.of(ENV, "run", dir.resolve("pass.yaml").toString(), "--html", html.toString(),
                "--junit-xml", xml.toString());

        assertThat(run.exitCode()).as(run.transcript()).as("bad input: a report path").isEqualTo(2);
        assertThat(run.outLines()).as(run.transcript())
                .anyMatch(l -> l.matches("PASS  clicks per user and 5-second window  \\(\\d+\\.\\d\\d s\\)"))
                .contains("wrote the JUnit XML report (--junit-xml) to " + xml)
                .last().isEqualTo("1 passed, 0 failed");
        assertThat(run.err()).isEqualTo("cannot write the HTML report (--html) to " + html + ": " + notADirectory
                + " is a file, not a directory — give a path in a directory" + System.lineSeparator());
        assertThat(xml).isRegularFile();
    }

    private static String wrongExpectation() throws IOException {
        return Files.readString(SAMPLES.resolve("tumble-window.yaml"))
                .replace("name: clicks per user and 5-second window", "name: wrong expectation")
                .replace("{ user: carol, window_start: \"2024-01-01 00:00:10\", clicks: 1, total: 6 }",
                        "{ user: carol, window_start: \"2024-01-01 00:00:10\", clicks: 1, total: 60 }");
    }

    private static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    static Supplier<FlinkKafkaEnvironment> noEnvironment() {
        return () -> {
            throw new AssertionError("no environment should be started");
        };
    }

    @Test
    void selectsCasesByTagAndNameAndRunsThemConcurrently() {
        CliRun tagged = CliRun.of(ENV, "run", SAMPLES.toString(), "--tag", "dedup", "--parallelism", "2");

        assertThat(tagged.exitCode()).as(tagged.transcript()).isEqualTo(0);
        assertThat(tagged.outLines()).as(tagged.transcript()).filteredOn(l -> l.startsWith("PASS"))
                .extracting(l -> l.replaceAll("  \\(.*", ""))
                .containsExactlyInAnyOrder("PASS  first order per customer, duplicates and late orders ignored",
                        "PASS  latest order per customer");

        CliRun named = CliRun.of(ENV, "run", SAMPLES.toString(), "--name", "LATE*dropped");

        assertThat(named.outLines()).as(named.transcript()).filteredOn(l -> l.startsWith("PASS"))
                .extracting(l -> l.replaceAll("  \\(.*", ""))
                .containsExactlyInAnyOrder("PASS  late records are dropped from 10-second windows",
                        "PASS  orders and revenue per 10-second window, late orders dropped");
    }

    @Test
    void failFastRunsNoCaseAfterTheFirstFailureAndGlobsPickFiles() throws IOException {
        Files.writeString(dir.resolve("a-wrong.yaml"), wrongExpectation());
        Files.copy(SAMPLES.resolve("tumble-window.yaml"), dir.resolve("b-pass.yaml"));

        CliRun run = CliRun.of(ENV, "run", dir.resolve("*.yaml").toString(), "--fail-fast");

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.outLines()).as(run.transcript())
                .anyMatch(l -> l.startsWith("FAIL  wrong expectation  ("))
                .contains("SKIP  clicks per user and 5-second window  (not run: --fail-fast: an earlier case failed)")
                .last().isEqualTo("0 passed, 1 failed, 1 not run");
    }
}
