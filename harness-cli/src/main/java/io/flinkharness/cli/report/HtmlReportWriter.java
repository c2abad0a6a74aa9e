package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Html.escape;

import io.flinkharness.cli.report.ReportEntry.Outcome;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link RunReport} as one self-contained HTML file (inline CSS and SVG, no external assets, no script):
 * a summary (passed, failed, errored, not loaded, total time), an index, then a section per case
 * ({@link CaseSection}). The page is also well-formed XML (void elements closed), so tools and tests can read it
 * with an XML parser.
 *
 * <pre>{@code
 * HtmlReportWriter.write(report, Path.of("target/flink-sql-harness.html"));
 * }</pre>
 */
public final class HtmlReportWriter {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1040px;\
            padding:0 1em;color:#1d1d1f}
            h1{font-size:1.5em}h2{font-size:1.15em;margin:0 0 .3em}h3{font-size:1em;margin:1em 0 .3em}
            code,pre{font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace}
            pre.message{background:#f6f6f6;border-left:4px solid #999;padding:.6em .8em;overflow-x:auto;\
            white-space:pre}
            table{border-collapse:collapse}th,td{text-align:left;padding:.15em .7em .15em 0;vertical-align:top}
            table.summary td{font-size:1.3em;font-weight:600;padding-right:1.5em}
            table.index td,table.topics td,table.late td{border-top:1px solid #e3e3e3}
            section.case{border:1px solid #ddd;border-radius:6px;padding:1em;margin:1.2em 0}
            section.failed,section.error,section.not-loaded,section.not-run{border-left:6px solid #b00020}
            section.passed{border-left:6px solid #1a7f37}
            .badge{display:inline-block;border-radius:4px;padding:0 .45em;color:#fff;font-size:.8em;\
            text-transform:uppercase;vertical-align:middle}
            .badge.passed{background:#1a7f37}.badge.failed{background:#b00020}
            .badge.error,.badge.not-loaded,.badge.not-run{background:#8a4b00}
            .where{color:#555;margin:0}
            td.ms{text-align:right}td.bar{width:320px}
            td.bar span{display:block;height:.8em;margin-top:.3em;background:#4a90d9;min-width:1px}
            figure.input{margin:.5em 0}figcaption{margin-bottom:.3em}
            svg.input-plot{width:100%;height:auto;font:11px sans-serif;background:#fff}
            svg .frame{fill:none;stroke:#bbb}
            svg .boundary{stroke:#888;stroke-dasharray:4 3;stroke-width:1;fill:none}
            svg .watermark{fill:none;stroke:#b00020;stroke-width:1.5}
            svg .watermark-high{fill:none;stroke:#b00020;stroke-width:1;stroke-dasharray:2 2}
            svg .late{stroke:#b00020;stroke-width:1.5}
            svg .maybe-late{fill:#fff;stroke-width:2}
            tr.late td{color:#b00020}
            .no-picture,.notes{color:#555}
            """;

    private HtmlReportWriter() {
    }

    /** Writes the report to a file (UTF-8), replacing it. */
    public static void write(RunReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, out);
        }
    }

    /** Writes the report; the writer is flushed, not closed. */
    public static void write(RunReport report, Writer out) throws IOException {
        out.write(html(report));
        out.flush();
    }

    static String html(RunReport report) {
        String counts = report.count(Outcome.PASSED) + " passed, " + report.count(Outcome.FAILED) + " failed, "
                + report.count(Outcome.ERROR, Outcome.NOT_RUN) + " errored, " + report.count(Outcome.NOT_LOADED)
                + " not loaded";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>flink-sql-harness: ").append(counts).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>flink-sql-harness run</h1>\n");
        summary(html, report);
        index(html, report);
        List<ReportEntry> entries = report.entries();
        for (int i = 0; i < entries.size(); i++) {
            html.append(CaseSection.html(report, entries.get(i), "case-" + (i + 1)));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, RunReport report) {
        html.append("<table class=\"summary\">\n<tr><th>passed</th><th>failed</th><th>errored</th>")
                .append("<th>not loaded</th><th>total time</th></tr>\n<tr><td>").append(report.count(Outcome.PASSED))
                .append("</td><td>").append(report.count(Outcome.FAILED)).append("</td><td>")
                .append(report.count(Outcome.ERROR, Outcome.NOT_RUN)).append("</td><td>")
                .append(report.count(Outcome.NOT_LOADED)).append("</td><td>")
                .append(RunReport.seconds(report.elapsed())).append(" s</td></tr>\n</table>\n")
                .append("<p class=\"where\">started ").append(report.started()).append(" · working directory <code>")
                .append(escape(report.workingDirectory().toString())).append("</code></p>\n");
    }

    private static void index(StringBuilder html, RunReport report) {
        html.append("<h2>Cases</h2>\n<table class=\"index\">\n");
        List<ReportEntry> entries = report.entries();
        for (int i = 0; i < entries.size(); i++) {
            ReportEntry e = entries.get(i);
            String status = CaseSection.status(e.outcome());
            html.append("<tr><td><span class=\"badge ").append(status).append("\">").append(status.replace('-', ' '))
                    .append("</span></td><td><a href=\"#case-").append(i + 1).append("\">").append(escape(e.name()))
                    .append("</a></td><td><code>").append(escape(report.show(e.file()))).append("</code></td><td>")
                    .append(RunReport.seconds(e.elapsed())).append(" s</td></tr>\n");
        }
        html.append("</table>\n");
    }
}
