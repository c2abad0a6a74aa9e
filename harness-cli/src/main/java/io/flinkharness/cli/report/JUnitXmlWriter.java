package io.flinkharness.cli.report;

import io.flinkharness.cli.report.ReportEntry.Outcome;
import io.flinkharness.run.AwaitedOutput;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link RunReport} as a JUnit XML report in the Ant/Surefire format that CI systems and test reporters
 * read: one {@code <testsuite>} per case file, one {@code <testcase>} per case ({@code classname} = the case file
 * as the report shows it). A failed case has a {@code <failure>}, a case that errored or did not run an
 * {@code <error>}, and a case file that did not load is an errored test case named after the file. Each case's
 * {@code <system-out>} holds its timings, generated-input seeds, topics and jobs; an unbounded case's awaited outputs
 * and their latency are also {@code <properties>} ({@code awaited.1.table}, {@code awaited.1.condition},
 * {@code awaited.1.latency.ms}, {@code awaited.1.checkpoints}).
 *
 * <pre>{@code
 * JUnitXmlWriter.write(report, Path.of("target/flink-sql-harness.xml"));
 * }</pre>
 *
 * <p>Times are seconds with three decimals; timestamps are UTC without a zone, as the Ant schema has them.
 */
public final class JUnitXmlWriter {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final XMLStreamWriter xml;
    private final RunReport report;

    private JUnitXmlWriter(XMLStreamWriter xml, RunReport report) {
        this.xml = xml;
        this.report = report;
    }

    /** Writes the report to a file (UTF-8), replacing it. */
    public static void write(RunReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, out);
        }
    }

    /** Writes the report; the writer is flushed, not closed. */
    public static void write(RunReport report, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            new JUnitXmlWriter(xml, report).document();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private void document() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        newline(0);
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "flink-sql-harness");
        counts(report.entries());
        xml.writeAttribute("time", RunReport.seconds(report.elapsed()));
        xml.writeAttribute("timestamp", timestamp(report.started()));
        for (Map.Entry<Path, List<ReportEntry>> file : report.byFile().entrySet()) {
            suite(report.show(file.getKey()), file.getValue());
        }
        newline(0);
        xml.writeEndElement();
        newline(0);
        xml.writeEndDocument();
    }

    private void suite(String file, List<ReportEntry> entries) throws XMLStreamException {
        newline(1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", file);
        counts(entries);
        xml.writeAttribute("time", RunReport.seconds(entries.stream().map(ReportEntry::elapsed)
                .reduce(Duration.ZERO, Duration::plus)));
        xml.writeAttribute("timestamp", timestamp(entries.get(0).started()));
        for (ReportEntry entry : entries) {
            testCase(file, entry);
        }
        newline(1);
        xml.writeEndElement();
    }

    private void counts(List<ReportEntry> entries) throws XMLStreamException {
        long failures = entries.stream().filter(e -> e.outcome() == Outcome.FAILED).count();
        long errors = entries.stream().filter(e -> isError(e.outcome())).count();
        xml.writeAttribute("tests", String.valueOf(entries.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
    }

    private void testCase(String file, ReportEntry entry) throws XMLStreamException {
        newline(2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", XmlText.clean(entry.name()));
        xml.writeAttribute("classname", file);
        xml.writeAttribute("time", RunReport.seconds(entry.elapsed()));
        if (entry.outcome() != Outcome.PASSED) {
            problem(entry);
        }
        if (entry instanceof ReportEntry.Ran ran && !ran.result().awaited().isEmpty()) {
            properties(ran.result().awaited());
        }
        if (entry instanceof ReportEntry.Ran ran) {
            newline(3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(XmlText.clean(systemOut(ran)));
            xml.writeEndElement();
        }
        newline(2);
        xml.writeEndElement();
    }

    /** Each awaited output's latency as properties: {@code awaited.1.table}, {@code awaited.1.latency.ms}, ... */
    private void properties(List<AwaitedOutput> awaited) throws XMLStreamException {
        newline(3);
        xml.writeStartElement("properties");
        for (int i = 0; i < awaited.size(); i++) {
            AwaitedOutput out = awaited.get(i);
            String prefix = "awaited." + (i + 1) + ".";
            property(prefix + "table", out.table());
            property(prefix + "condition", out.condition());
            if (out.sinceLastInput().isPresent()) {
                property(prefix + "latency.ms", String.valueOf(out.sinceLastInput().get().toMillis()));
            }
            if (out.checkpoints().isPresent()) {
                property(prefix + "checkpoints", String.valueOf(out.checkpoints().get()));
            }
        }
        newline(3);
        xml.writeEndElement();
    }

    private void property(String name, String value) throws XMLStreamException {
        newline(4);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", XmlText.clean(value));
    }

    private void problem(ReportEntry entry) throws XMLStreamException {
        newline(3);
        xml.writeStartElement(entry.outcome() == Outcome.FAILED ? "failure" : "error");
        xml.writeAttribute("message", XmlText.firstLine(entry.message()));
        xml.writeAttribute("type", type(entry));
        xml.writeCharacters(XmlText.clean(entry.message()));
        xml.writeEndElement();
    }

    /** The class of what went wrong, as JUnit reports name it. */
    private static String type(ReportEntry entry) {
        if (entry instanceof ReportEntry.Ran ran) {
            return ran.result().failure().map(t -> t.getClass().getName()).orElse(ran.result().status().name());
        }
        if (entry instanceof ReportEntry.NotLoaded notLoaded) {
            return notLoaded.error().getClass().getName();
        }
        return ((ReportEntry.NotRun) entry).cause().getClass().getName();
    }

    private static String systemOut(ReportEntry.Ran ran) {
        SqlCase c = ran.definition();
        String seeds = c.seeds().isEmpty() ? "none (no generated input)" : c.seeds().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String topics = ran.result().topics().entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", "));
        String lines = "status: " + ran.result().status() + "\n"
                + "elapsed: " + RunReport.seconds(ran.elapsed()) + " s\n"
                + "timings: " + ran.result().timings() + "\n"
                + "generated input seeds: " + seeds + "\n"
                + "topics: " + (topics.isEmpty() ? "none created" : topics) + "\n"
                + "jobs: " + (ran.result().jobIds().isEmpty() ? "none" : String.join(", ", ran.result().jobIds()))
                + ran.result().awaited().stream().map(a -> "\nawaited " + a).collect(Collectors.joining());
        return "\n" + lines + "\n";
    }

    private static boolean isError(Outcome outcome) {
        return outcome == Outcome.ERROR || outcome == Outcome.NOT_LOADED || outcome == Outcome.NOT_RUN;
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String timestamp(Instant t) {
        return TIMESTAMP.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
