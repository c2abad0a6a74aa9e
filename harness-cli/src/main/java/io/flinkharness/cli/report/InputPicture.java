package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Html.escape;

import io.flinkharness.internal.Durations;
import io.flinkharness.run.SqlCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Input" part of a case in the HTML report: for a case whose DML has a TUMBLE, HOP or CUMULATE window, a
 * picture ({@link SvgPlot}) of each topic the case puts records on, its notes, and the list of late records;
 * otherwise one line saying why there is no picture.
 */
final class InputPicture {
    /** More marks than this make a large file and an unreadable picture; the first ones are drawn. */
    static final int MAX_POINTS = 2000;
    static final int MAX_LISTED = 50;

    private InputPicture() {
    }

    static String html(SqlCase sqlCase) {
        WindowDetection window = WindowDetector.detect(sqlCase.dml());
        if (window.shape().isEmpty()) {
            return noPicture(window.reason());
        }
        List<String> topics = sqlCase.topics().keySet().stream()
                .filter(t -> !sqlCase.inputs().getOrDefault(t, List.of()).isEmpty()
                        || sqlCase.generated().containsKey(t) && sqlCase.generated().get(t).size() > 0)
                .toList();
        if (topics.isEmpty()) {
            return noPicture("the case puts no records on any topic");
        }
        StringBuilder html = new StringBuilder();
        topics.forEach(t -> html.append(figure(sqlCase, t, window.shape().get())));
        return html.toString();
    }

    private static String figure(SqlCase sqlCase, String topic, WindowShape window) {
        InputSeries series;
        try {
            series = InputSeriesReader.read(sqlCase, topic);
        } catch (RuntimeException e) {
            return noPicture("the records of topic '" + topic + "' could not be read: " + e.getMessage());
        }
        List<String> notes = new ArrayList<>(series.notes());
        InputSeries drawn = series.first(MAX_POINTS);
        if (drawn != series) {
            notes.add("the first " + MAX_POINTS + " of " + series.points().size() + " records are drawn");
        }
        long boundaries = SvgPlot.boundaryCount(drawn, window);
        if (boundaries > SvgPlot.MAX_BOUNDARIES) {
            notes.add("the window boundaries (every " + Durations.show(window.grid()) + ", " + boundaries
                    + " in this range) are too many to draw");
        }
        return "<figure class=\"input\">\n<figcaption>Input topic <code>" + escape(topic) + "</code>: "
                + series.points().size() + " records over " + series.partitions() + " partition"
                + (series.partitions() == 1 ? "" : "s") + "; windows " + escape(window.describe())
                + "</figcaption>\n" + SvgPlot.draw(drawn, window) + "\n" + notes(notes) + lateList(series)
                + "</figure>\n";
    }

    private static String notes(List<String> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"notes\">\n");
        notes.forEach(n -> html.append("<li>").append(escape(n)).append("</li>\n"));
        return html.append("</ul>\n").toString();
    }

    private static String lateList(InputSeries series) {
        List<InputPoint> late = series.points().stream().filter(p -> p.late() || p.maybeLate()).toList();
        if (late.isEmpty()) {
            return "<p class=\"late-list\">No record is late" + (series.hasWatermark() ? "." : " that the picture"
                    + " can tell (no watermark to compare with).") + "</p>\n";
        }
        long sure = late.stream().filter(InputPoint::late).count();
        StringBuilder html = new StringBuilder("<p class=\"late-list\">Late records: " + sure + " late, "
                + (late.size() - sure) + " late or not depending on timing" + (late.size() > MAX_LISTED
                ? " (the first " + MAX_LISTED + " listed)" : "") + ".</p>\n<table class=\"late\">\n<tr><th>arrival"
                + "</th><th>partition</th><th>event time</th><th>watermark on arrival</th><th>origin</th>"
                + "<th>lateness</th></tr>\n");
        late.stream().limit(MAX_LISTED).forEach(p -> html.append(row(p)));
        return html.append("</table>\n").toString();
    }

    private static String row(InputPoint p) {
        return "<tr class=\"" + (p.late() ? "late" : "maybe-late") + "\"><td>" + p.arrival() + "</td><td>"
                + (p.partition().isPresent() ? String.valueOf(p.partition().getAsInt()) : "by key") + "</td><td>"
                + p.eventTime() + "</td><td>" + escape(p.watermarkText()) + "</td><td>" + escape(p.origin()) + "</td><td>"
                + p.lateness().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "</td></tr>\n";
    }

    private static String noPicture(String reason) {
        return "<p class=\"no-picture\">No input picture: " + escape(reason) + ".</p>\n";
    }
}
