package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Fixtures.failed;
import static io.flinkharness.cli.report.Fixtures.notLoaded;
import static io.flinkharness.cli.report.Fixtures.parse;
import static io.flinkharness.cli.report.Fixtures.passed;
import static io.flinkharness.cli.report.Fixtures.plainCase;
import static io.flinkharness.cli.report.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.env.EnvironmentStartException;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesASmallReportExactly() throws IOException {
        String xml = xml(report(passed("cases/a.yaml", plainCase("a passes")),
                notLoaded("cases/b.yaml", 4, "unknown field 'topcs'")));

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="flink-sql-harness" tests="2" failures="0" errors="1" skipped="0" time="2.500" \
                timestamp="2026-01-02T03:04:05">
                  <testsuite name="cases/a.yaml" tests="1" failures="0" errors="0" skipped="0" time="1.250" \
                timestamp="2026-01-02T03:04:06">
                    <testcase name="a passes" classname="cases/a.yaml" time="1.250">
                      <system-out>
                status: PASSED
                elapsed: 1.250 s
                timings: produce 120 ms (during ddl 150 ms), submit 300 ms, job 700 ms, read 80 ms
                generated input seeds: none (no generated input)
                topics: clicks -&gt; clicks-x1, counts -&gt; counts-x1
                jobs: job-1
                </system-out>
                    </testcase>
                  </testsuite>
                  <testsuite name="cases/b.yaml" tests="1" failures="0" errors="1" skipped="0" time="0.000" \
                timestamp="2026-01-02T03:04:05">
                    <testcase name="b.yaml" classname="cases/b.yaml" time="0.000">
                      <error message="/work/project/cases/b.yaml:4:3: topics.out: unknown field 'topcs' — fix it" \
                type="io.flinkharness.cases.CaseFileException">/work/project/cases/b.yaml:4:3: topics.out: \
                unknown field 'topcs' — fix it</error>
                    </testcase>
                  </testsuite>
                </testsuites>
                """);
    }

    @Test
    void anUnboundedCaseHasItsAwaitedOutputsAsPropertiesAndInSystemOut() throws IOException {
        String xml = xml(report(Fixtures.passedUnbounded("cases/a.yaml", plainCase("a window"))));

        assertThat(xml).contains("""
                    <testcase name="a window" classname="cases/a.yaml" time="1.250">
                      <properties>
                        <property name="awaited.1.table" value="counts"/>
                        <property name="awaited.1.condition" value="windowEnd: 2026-01-01T00:00:10Z"/>
                        <property name="awaited.1.latency.ms" value="412"/>
                        <property name="awaited.1.checkpoints" value="2"/>
                      </properties>
                      <system-out>
                """).contains("jobs: job-1\nawaited counts windowEnd: 2026-01-01T00:00:10Z: 412 ms after the last"
                + " input, 2 checkpoints\n</system-out>");
    }

    @Test
    void aFailedCaseHasItsDiffInAFailure() throws Exception {
        String diff = "Expecting table counts to contain exactly 2 rows\n  - alice | 3\n  + alice | 4";

        Document doc = parse(xml(report(failed("cases/wrong.yaml", plainCase("wrong"), diff))));

        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("1");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        assertThat(suites.getAttribute("errors")).isEqualTo("0");
        Element testCase = only(doc, "testcase");
        assertThat(testCase.getAttribute("name")).isEqualTo("wrong");
        assertThat(testCase.getAttribute("classname")).isEqualTo("cases/wrong.yaml");
        assertThat(testCase.getAttribute("time")).isEqualTo("1.250");
        Element failure = only(doc, "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("Expecting table counts to contain exactly 2 rows");
        assertThat(failure.getAttribute("type")).isEqualTo("java.lang.AssertionError");
        assertThat(failure.getTextContent()).isEqualTo(diff);
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void anErroredCaseAndACaseThatDidNotRunAreErrors() throws Exception {
        SqlCase broken = plainCase("broken sql");
        ReportEntry error = new ReportEntry.Ran(Fixtures.WORK.resolve("e.yaml"), broken, Fixtures.result(
                broken.name(), CaseResult.Status.ERROR, "while submitting the DML: Object 'clickz' not found",
                Optional.of(new IllegalStateException("x"))), Fixtures.STARTED);
        ReportEntry notRun = new ReportEntry.NotRun(Fixtures.WORK.resolve("n.yaml"), plainCase("never"),
                new EnvironmentStartException("broker did not start", null), Fixtures.STARTED);

        Document doc = parse(xml(report(error, notRun)));

        assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("2");
        NodeList errors = doc.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(2);
        assertThat(((Element) errors.item(0)).getAttribute("type")).isEqualTo("java.lang.IllegalStateException");
        assertThat(errors.item(0).getTextContent()).isEqualTo("while submitting the DML: Object 'clickz' not found");
        assertThat(((Element) errors.item(1)).getAttribute("type"))
                .isEqualTo("io.flinkharness.env.EnvironmentStartException");
        assertThat(errors.item(1).getTextContent())
                .isEqualTo("not run: the environment did not start: broker did not start");
    }

    @Test
    void escapesMarkupAndDropsWhatXmlCannotHold() throws Exception {
        String name = "a <b> & \"c\"\u0000\u0007";
        String message = "\u001B[31mrow <x>\u001B[0m & \"y\"\u0001\ud800 end\nsecond line";

        String xml = xml(report(failed("cases/odd.yaml", plainCase(name), message)));
        Document doc = parse(xml);

        assertThat(only(doc, "testcase").getAttribute("name")).isEqualTo("a <b> & \"c\"");
        assertThat(only(doc, "failure").getAttribute("message")).isEqualTo("row <x> & \"y\" end");
        assertThat(only(doc, "failure").getTextContent()).isEqualTo("row <x> & \"y\" end\nsecond line");
        assertThat(xml).contains("name=\"a &lt;b&gt; &amp; &quot;c&quot;\"").doesNotContain("\u001B", "\u0000");
    }

    @Test
    void groupsCasesByFileAndShowsGeneratedSeeds() throws Exception {
        SqlCase generated = SqlCase.named("with seeds").topic("clicks", 1)
                .input("clicks", GeneratedInputs.clicks(42, 3)).dml("INSERT INTO x SELECT 1").build();

        Document doc = parse(xml(report(passed("a.yaml", generated), passed("a.yaml", plainCase("second")),
                passed("/elsewhere/c.yaml", plainCase("third")))));

        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(IntStream.range(0, suites.getLength()).mapToObj(i -> ((Element) suites.item(i)).getAttribute("name")))
                .containsExactly("a.yaml", "/elsewhere/c.yaml");
        assertThat(((Element) suites.item(0)).getAttribute("tests")).isEqualTo("2");
        assertThat(((Element) suites.item(0)).getAttribute("time")).isEqualTo("2.500");
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("generated input seeds: clicks 42");
    }

    @Test
    void writesAFile() throws IOException {
        Path file = dir.resolve("junit.xml");

        JUnitXmlWriter.write(report(passed("a.yaml", plainCase("a"))), file);

        assertThat(Files.readString(file)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ");
    }

    private static String xml(RunReport report) throws IOException {
        StringWriter out = new StringWriter();
        JUnitXmlWriter.write(report, out);
        return out.toString();
    }

    private static Element only(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<%s> elements", tag).isEqualTo(1);
        return (Element) nodes.item(0);
    }
}
