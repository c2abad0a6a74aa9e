package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Html.escape;
import static io.flinkharness.cli.report.Html.number;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The input picture of one topic as inline SVG: x is the arrival order, y the event time; one colour per
 * partition; the watermark on arrival as a step line (its highest possible value dotted when the partitions'
 * interleaving makes it a range); dashed horizontal lines at the window boundaries; late records as triangles,
 * records whose lateness depends on timing as hollow squares. Each mark has a {@code <title>} (a tooltip, no
 * script needed).
 *
 * <pre>{@code
 * String svg = SvgPlot.draw(InputSeriesReader.read(sqlCase, "clicks"), windowShape);
 * }</pre>
 */
public final class SvgPlot {
    /** At most this many boundary lines are drawn; more would be a grey wash. */
    static final int MAX_BOUNDARIES = 150;
    static final int WIDTH = 960;
    static final int LEFT = 100;
    static final int RIGHT = 20;
    static final int TOP = 28;
    static final int PLOT_HEIGHT = 320;
    private static final int HEIGHT = 424;
    private static final int MAX_LABELS = 24;

    private final InputSeries series;
    private final WindowShape window;
    private final PlotScale scale;
    private final TimeLabels labels;
    private final StringBuilder svg = new StringBuilder();

    private SvgPlot(InputSeries series, WindowShape window) {
        this.series = series;
        this.window = window;
        this.scale = PlotScale.of(series);
        this.labels = TimeLabels.forRange(scale.bottom(), scale.top());
    }

    /** The picture; {@code series} must have at least one record. */
    public static String draw(InputSeries series, WindowShape window) {
        if (series.points().isEmpty()) {
            throw new IllegalArgumentException("topic '" + series.topic() + "' has no records to draw");
        }
        return new SvgPlot(series, window).render();
    }

    /** How many window boundaries the picture would cross, to say why they are not drawn when too many. */
    public static long boundaryCount(InputSeries series, WindowShape window) {
        PlotScale scale = PlotScale.of(series);
        return window.boundaryCount(scale.bottom(), scale.top());
    }

    private String render() {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"input-plot\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape("event time by arrival order of topic " + series.topic())).append("\">\n");
        frame();
        boundaries();
        watermark(InputPoint::lowestWatermark, "watermark");
        if (series.watermarkIsARange()) {
            watermark(InputPoint::highestWatermark, "watermark-high");
        }
        series.points().forEach(this::mark);
        SvgLegend.append(svg, series, HEIGHT - 22);
        return svg.append("</svg>").toString();
    }

    private void frame() {
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(PLOT_HEIGHT).append("\"/>\n");
        int axis = TOP + PLOT_HEIGHT + 18;
        text(LEFT, axis, "start", "arrival " + scale.firstArrival());
        text(WIDTH - RIGHT, axis, "end", "arrival " + scale.lastArrival());
        text((LEFT + WIDTH - RIGHT) / 2.0, axis + 16, "middle", "arrival order (produce order over all partitions)");
        text(LEFT, TOP - 9, "start", "event time (" + labels.caption() + ")");
    }

    private void boundaries() {
        if (window.boundaryCount(scale.bottom(), scale.top()) > MAX_BOUNDARIES) {
            label(scale.top());
            label(scale.bottom());
            return;
        }
        List<Instant> lines = window.boundaries(scale.bottom(), scale.top());
        int every = (lines.size() + MAX_LABELS - 1) / MAX_LABELS;
        for (int i = 0; i < lines.size(); i++) {
            double y = scale.y(lines.get(i));
            svg.append("<line class=\"boundary\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(number(y)).append("\" y2=\"").append(number(y)).append("\"><title>")
                    .append(escape("window boundary " + lines.get(i))).append("</title></line>\n");
            if (i % every == 0) {
                label(lines.get(i));
            }
        }
    }

    private void label(Instant t) {
        text(LEFT - 6, scale.y(t) + 4, "end", labels.format(t));
    }

    /** The watermark each record meets on arrival, held until the next arrival: a step line. */
    private void watermark(Function<InputPoint, Optional<Instant>> value, String cssClass) {
        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (InputPoint p : series.points()) {
            Optional<Instant> w = value.apply(p);
            double x = scale.x(p.arrival());
            if (w.isEmpty()) {
                drawing = false;
                continue;
            }
            double y = scale.y(w.get());
            d.append(drawing ? " H" + number(x) + " V" + number(y) : " M" + number(x) + " " + number(y));
            drawing = true;
        }
        if (!d.isEmpty()) {
            svg.append("<path class=\"").append(cssClass).append("\" d=\"").append(d.toString().strip())
                    .append("\"/>\n");
        }
    }

    private void mark(InputPoint p) {
        double x = scale.x(p.arrival());
        double y = scale.y(p.eventTime());
        String colour = SvgLegend.colour(p.partition());
        if (p.late()) {
            svg.append("<path class=\"late\" d=\"M").append(number(x)).append(' ').append(number(y - 6))
                    .append(" L").append(number(x + 5.5)).append(' ').append(number(y + 4))
                    .append(" L").append(number(x - 5.5)).append(' ').append(number(y + 4))
                    .append(" Z\" fill=\"").append(colour).append("\">");
        } else if (p.maybeLate()) {
            svg.append("<rect class=\"maybe-late\" x=\"").append(number(x - 3.5)).append("\" y=\"")
                    .append(number(y - 3.5)).append("\" width=\"7\" height=\"7\" stroke=\"").append(colour)
                    .append("\">");
        } else {
            svg.append("<circle class=\"on-time\" cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                    .append("\" r=\"3.5\" fill=\"").append(colour).append("\">");
        }
        svg.append("<title>").append(escape(tooltip(p))).append("</title>")
                .append(p.late() ? "</path>\n" : p.maybeLate() ? "</rect>\n" : "</circle>\n");
    }

    private String tooltip(InputPoint p) {
        return "arrival " + p.arrival() + ", " + SvgLegend.partitionName(p.partition()) + ", event time "
                + p.eventTime() + ", watermark " + p.watermarkText() + ", "
                + p.origin() + ", " + p.lateness().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void text(double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(escape(text)).append("</text>\n");
    }
}
