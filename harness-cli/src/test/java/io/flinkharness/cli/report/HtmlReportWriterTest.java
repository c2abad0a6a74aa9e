package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Fixtures.failed;
import static io.flinkharness.cli.report.Fixtures.notLoaded;
import static io.flinkharness.cli.report.Fixtures.parse;
import static io.flinkharness.cli.report.Fixtures.passed;
import static io.flinkharness.cli.report.Fixtures.plainCase;
import static io.flinkharness.cli.report.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.Lateness;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void summaryThenEachCaseWithItsDiffEscaped() throws Exception {
        String diff = "Expecting rows\n  - <b>alice</b> & \"bob\" | 3\n  + \u001B[31mcarol\u001B[0m | 4";
        String html = HtmlReportWriter.html(report(passed("cases/a.yaml", plainCase("a passes")),
                failed("cases/wrong.yaml", plainCase("wrong <total>"), diff),
                notLoaded("cases/broken.yaml", 3, "expected a list")));
        Document doc = parse(html);

        assertThat(text(doc, "/html/head/title")).isEqualTo("flink-sql-harness: 1 passed, 1 failed, 0 errored, 1 not loaded");
        assertThat(texts(doc, "//table[@class='summary']/tr[2]/td")).containsExactly("1", "1", "0", "1", "2.500 s");
        assertThat(text(doc, "//section[@id='case-2']/h2")).isEqualTo("failed wrong <total>");
        assertThat(text(doc, "//section[@id='case-2']/pre[@class='message']"))
                .isEqualTo("Expecting rows\n  - <b>alice</b> & \"bob\" | 3\n  + carol | 4");
        assertThat(html).contains("  - &lt;b&gt;alice&lt;/b&gt; &amp; &quot;bob&quot; | 3")
                .doesNotContain("<b>alice", "\u001B");
        assertThat(text(doc, "//section[@id='case-3']/pre[@class='message']"))
                .isEqualTo("/work/project/cases/broken.yaml:3:3: topics.out: expected a list — fix it");
        assertThat(nodes(doc, "//section[@id='case-1']//table[@class='timings']/tr")).isEqualTo(6);
        assertThat(nodes(doc, "//section[@id='case-1']/pre")).isZero();
        assertThat(texts(doc, "//section[@id='case-1']//table[@class='topics']/tr[2]/td"))
                .containsExactly("clicks", "clicks-x1", "1", "");
    }

    @Test
    void anUnboundedCaseShowsWhatItAwaitedAndTheLatency() throws Exception {
        Document doc = parse(HtmlReportWriter.html(report(Fixtures.passedUnbounded("a.yaml", plainCase("window")))));

        assertThat(text(doc, "//table[@class='awaited']/tr[2]"))
                .isEqualTo("countswindowEnd: 2026-01-01T00:00:10Z412 ms2");
    }

    @Test
    void aCaseWithoutAWindowHasNoPictureAndSaysWhy() throws Exception {
        Document doc = parse(HtmlReportWriter.html(report(passed("a.yaml", plainCase("no window")))));

        assertThat(nodes(doc, "//svg")).isZero();
        assertThat(text(doc, "//p[@class='no-picture']"))
                .isEqualTo("No input picture: the DML has no TUMBLE, HOP or CUMULATE window.");
    }

    @Test
    void aWindowCaseWithGeneratedInputHasAPictureWithLateRecordsMarkedAndListed() throws Exception {
        SqlCase c = SqlCase.named("window").topic("clicks", 1).topic("counts", 1)
                .input("clicks", GeneratedInputs.seed(42).add(1, 0, Lateness.ON_TIME, null, null)
                        .add(12, 0, Lateness.ON_TIME, -1L, -1L)
                        .add(3, 0, Lateness.LATE, 10L, 10L)
                        .add(25, 0, Lateness.ON_TIME, 10L, 10L)
                        .add(4, 0, Lateness.LATE, 23L, 23L).data())
                .dml(ExplicitCases.TUMBLE).build();

        Document doc = parse(HtmlReportWriter.html(report(passed("w.yaml", c))));

        assertThat(text(doc, "//figure/figcaption"))
                .isEqualTo("Input topic clicks: 5 records over 1 partition; windows TUMBLE 10s");
        assertThat(nodes(doc, "//figure/svg")).isEqualTo(1);
        assertThat(nodes(doc, "//svg/circle[@class='on-time']")).isEqualTo(3);
        assertThat(nodes(doc, "//svg/path[@class='late']")).isEqualTo(2);
        assertThat(nodes(doc, "//svg/path[@class='watermark']")).isEqualTo(1);
        assertThat(text(doc, "//svg/path[@class='watermark']/@d")).startsWith("M").contains(" H", " V");
        assertThat(texts(doc, "//svg/line[@class='boundary']/title")).containsExactly(
                "window boundary 2026-01-01T00:00:00Z", "window boundary 2026-01-01T00:00:10Z",
                "window boundary 2026-01-01T00:00:20Z");
        assertThat(text(doc, "//p[@class='late-list']"))
                .isEqualTo("Late records: 2 late, 0 late or not depending on timing.");
        assertThat(texts(doc, "//table[@class='late']/tr[@class='late'][1]/td")).containsExactly(
                "2", "0", "2026-01-01T00:00:03Z", "2026-01-01T00:00:10Z", "late", "late");
        assertThat(texts(doc, "//table[@class='late']/tr[@class='late'][2]/td")).containsExactly(
                "4", "0", "2026-01-01T00:00:04Z", "2026-01-01T00:00:23Z", "late", "late");
        assertThat(text(doc, "//section//table[@class='topics']/tr[2]/td[4]")).isEqualTo("5 generated (seed 42)");
    }

    @Test
    void explicitInputOnSeveralPartitionsHasNoWatermarkLineAndSaysWhy() throws Exception {
        Document doc = parse(HtmlReportWriter.html(report(passed("x.yaml",
                ExplicitCases.withOneLateRecord(4, "on-event")))));

        assertThat(nodes(doc, "//svg/circle")).isEqualTo(5);
        assertThat(nodes(doc, "//svg/path[@class='watermark']")).isZero();
        assertThat(nodes(doc, "//svg/path[@class='late']")).isZero();
        assertThat(text(doc, "//ul[@class='notes']/li")).startsWith("topic 'clicks' has 4 partitions: the"
                + " watermark at each arrival depends on how the source interleaves them");
        assertThat(text(doc, "//p[@class='late-list']"))
                .isEqualTo("No record is late that the picture can tell (no watermark to compare with).");
    }

    @Test
    void explicitInputOnOnePartitionHasTheComputedWatermarkAndItsLateRecord() throws Exception {
        Document doc = parse(HtmlReportWriter.html(report(passed("x.yaml",
                ExplicitCases.withOneLateRecord(1, "on-event")))));

        assertThat(nodes(doc, "//svg/path[@class='watermark']")).isEqualTo(1);
        assertThat(nodes(doc, "//svg/path[@class='late']")).isEqualTo(1);
        assertThat(text(doc, "//svg/path[@class='late']/title")).isEqualTo("arrival 3, partition 0, event time"
                + " 2026-01-01T00:00:03Z, watermark 2026-01-01T00:00:10Z, explicit, late");
    }

    @Test
    void aWindowTheDetectorCannotMeasureIsNoPictureWithTheReason() throws Exception {
        SqlCase c = Fixtures.sqlCase("param", "INSERT INTO counts SELECT * FROM TABLE(TUMBLE(TABLE clicks,"
                + " DESCRIPTOR(ts), INTERVAL '1' MONTH))");

        Document doc = parse(HtmlReportWriter.html(report(passed("p.yaml", c))));

        assertThat(nodes(doc, "//svg")).isZero();
        assertThat(text(doc, "//p[@class='no-picture']")).startsWith("No input picture: the size of TUMBLE(");
    }

    @Test
    void writesOneSelfContainedFile() throws IOException {
        Path file = dir.resolve("report.html");

        HtmlReportWriter.write(report(passed("a.yaml", plainCase("a"))), file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<style>").doesNotContain("<script", "<link", "src=", "http://", "https://");
    }

    private static String text(Document doc, String xpath) throws XPathExpressionException {
        return XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, doc);
    }

    private static List<String> texts(Document doc, String xpath) throws XPathExpressionException {
        NodeList list = (NodeList) XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, doc,
                XPathConstants.NODESET);
        return IntStream.range(0, list.getLength()).mapToObj(i -> list.item(i).getTextContent())
                .toList();
    }

    private static int nodes(Document doc, String xpath) throws XPathExpressionException {
        return ((NodeList) XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                .getLength();
    }
}
