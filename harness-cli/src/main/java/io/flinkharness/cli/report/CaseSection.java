package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Html.escape;

import io.flinkharness.cli.report.ReportEntry.Outcome;
import io.flinkharness.run.AwaitedOutput;
import io.flinkharness.run.CaseTimings;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One case of the HTML report: status, file and time, the timing breakdown, the outputs an unbounded case awaited
 * with their latency, the message or diff, the topics and the input picture ({@link InputPicture}).
 */
final class CaseSection {
    private final RunReport report;
    private final ReportEntry entry;
    private final StringBuilder html = new StringBuilder();

    private CaseSection(RunReport report, ReportEntry entry) {
        this.report = report;
        this.entry = entry;
    }

    static String html(RunReport report, ReportEntry entry, String id) {
        return new CaseSection(report, entry).render(id);
    }

    /** The status as the report shows it, also a CSS class. */
    static String status(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String render(String id) {
        String status = status(entry.outcome());
        html.append("<section class=\"case ").append(status).append("\" id=\"").append(id).append("\">\n<h2><span")
                .append(" class=\"badge ").append(status).append("\">").append(status.replace('-', ' '))
                .append("</span> ").append(escape(entry.name())).append("</h2>\n<p class=\"where\"><code>")
                .append(escape(report.show(entry.file()))).append("</code> · ")
                .append(RunReport.seconds(entry.elapsed())).append(" s</p>\n");
        if (entry instanceof ReportEntry.Ran ran) {
            timings(ran.result().timings(), entry.elapsed());
            awaited(ran.result().awaited());
        }
        if (entry.outcome() != Outcome.PASSED) {
            html.append("<h3>Message</h3>\n<pre class=\"message\">").append(escape(entry.message()))
                    .append("</pre>\n");
        }
        entry.sqlCase().ifPresent(this::topicsAndInput);
        return html.append("</section>\n").toString();
    }

    private void timings(CaseTimings t, Duration total) {
        Map<String, Duration> phases = new LinkedHashMap<>();
        phases.put("produce (during ddl)", t.produce());
        phases.put("ddl", t.ddl());
        phases.put("submit", t.submit());
        phases.put("job", t.job());
        phases.put("read", t.read());
        html.append("<h3>Timings</h3>\n<table class=\"timings\">\n");
        phases.forEach((phase, d) -> html.append("<tr><th>").append(phase).append("</th><td class=\"ms\">")
                .append(d.toMillis()).append(" ms</td><td class=\"bar\"><span style=\"width:")
                .append(percent(d, total)).append("%\"></span></td></tr>\n"));
        html.append("<tr><th>total</th><td class=\"ms\">").append(total.toMillis())
                .append(" ms</td><td></td></tr>\n</table>\n");
    }

    /** An unbounded case's waits: what each awaited, and how long after the last input it was visible. */
    private void awaited(List<AwaitedOutput> awaited) {
        if (awaited.isEmpty()) {
            return;
        }
        html.append("<h3>Awaited output</h3>\n<table class=\"awaited\">\n<tr><th>table</th><th>condition</th>")
                .append("<th>after the last input</th><th>checkpoints</th></tr>\n");
        for (AwaitedOutput out : awaited) {
            html.append("<tr><td><code>").append(escape(out.table())).append("</code></td><td><code>")
                    .append(escape(out.condition())).append("</code></td><td class=\"ms\">")
                    .append(out.sinceLastInput().map(d -> d.toMillis() + " ms").orElse("no input sent"))
                    .append("</td><td>").append(out.checkpoints().map(String::valueOf).orElse("?"))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String percent(Duration part, Duration total) {
        double share = total.isZero() ? 0 : Math.min(100.0, 100.0 * part.toNanos() / total.toNanos());
        return String.format(Locale.ROOT, "%.1f", share);
    }

    private void topicsAndInput(SqlCase sqlCase) {
        Map<String, String> physical = entry instanceof ReportEntry.Ran ran ? ran.result().topics() : Map.of();
        html.append("<h3>Topics</h3>\n<table class=\"topics\">\n<tr><th>topic</th><th>physical topic</th>")
                .append("<th>partitions</th><th>input</th></tr>\n");
        sqlCase.topics().forEach((topic, partitions) -> html.append("<tr><td><code>").append(escape(topic))
                .append("</code></td><td><code>").append(escape(physical.getOrDefault(topic, "")))
                .append("</code></td><td>").append(partitions).append("</td><td>")
                .append(escape(input(sqlCase, topic))).append("</td></tr>\n"));
        html.append("</table>\n<h3>Input</h3>\n").append(InputPicture.html(sqlCase));
    }

    private static String input(SqlCase sqlCase, String topic) {
        int explicit = sqlCase.inputs().getOrDefault(topic, List.of()).size();
        String generated = sqlCase.generated().containsKey(topic)
                ? sqlCase.generated().get(topic).size() + " generated (seed " + sqlCase.seeds().get(topic) + ")" : "";
        String given = explicit == 0 ? "" : explicit + " explicit";
        return generated.isEmpty() ? given : given.isEmpty() ? generated : generated + ", " + given;
    }
}
