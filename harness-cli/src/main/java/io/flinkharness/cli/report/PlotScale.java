package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.SvgPlot.LEFT;
import static io.flinkharness.cli.report.SvgPlot.PLOT_HEIGHT;
import static io.flinkharness.cli.report.SvgPlot.RIGHT;
import static io.flinkharness.cli.report.SvgPlot.TOP;
import static io.flinkharness.cli.report.SvgPlot.WIDTH;

import io.flinkharness.cli.report.InputSeries.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * From arrivals and times to the coordinates of the input picture: arrivals spread over the width, the time range
 * of the records and watermarks over the height, padded by 5 % (by half a second each way for a single time).
 */
record PlotScale(long firstArrival, long lastArrival, Instant bottom, Instant top) {

    static PlotScale of(InputSeries series) {
        List<InputPoint> points = series.points();
        TimeRange range = series.timeRange().orElseThrow();
        Duration span = Duration.between(range.from(), range.to());
        Duration pad = span.isZero() ? Duration.ofMillis(500) : span.dividedBy(20).plusMillis(1);
        return new PlotScale(points.get(0).arrival(), points.get(points.size() - 1).arrival(),
                range.from().minus(pad), range.to().plus(pad));
    }

    double x(long arrival) {
        long span = lastArrival - firstArrival;
        double width = WIDTH - LEFT - RIGHT - 16;
        return LEFT + 8 + (span == 0 ? width / 2 : width * (arrival - firstArrival) / span);
    }

    double y(Instant t) {
        double span = top.toEpochMilli() - bottom.toEpochMilli();
        return TOP + PLOT_HEIGHT * (top.toEpochMilli() - t.toEpochMilli()) / span;
    }
}
