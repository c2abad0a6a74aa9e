package io.flinkharness.cli.report;

import static io.flinkharness.cli.report.Html.escape;

import java.util.OptionalInt;
import java.util.TreeSet;

/** The colours of the input picture and its legend row: partitions, mark shapes, lines. */
final class SvgLegend {
    /** Colour-blind-safe (Okabe-Ito), then a few more; partitions beyond reuse them in turn. */
    private static final String[] PARTITION_COLOURS = {
        "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000", "#7f7f7f", "#8c564b"
    };
    private static final String UNKNOWN_PARTITION = "#999999";

    private SvgLegend() {
    }

    static String colour(OptionalInt partition) {
        return partition.isPresent() ? PARTITION_COLOURS[partition.getAsInt() % PARTITION_COLOURS.length]
                : UNKNOWN_PARTITION;
    }

    static String partitionName(OptionalInt partition) {
        return partition.isPresent() ? "partition " + partition.getAsInt() : "partition chosen by key";
    }

    /** One row of swatches at height {@code y}. */
    static void append(StringBuilder svg, InputSeries series, int y) {
        TreeSet<Integer> partitions = new TreeSet<>();
        boolean byKey = false;
        for (InputPoint p : series.points()) {
            if (p.partition().isPresent()) {
                partitions.add(p.partition().getAsInt());
            } else {
                byKey = true;
            }
        }
        Row row = new Row(svg, y);
        partitions.forEach(p -> row.circle(colour(OptionalInt.of(p)), "p" + p));
        if (byKey) {
            row.circle(UNKNOWN_PARTITION, "partition by key");
        }
        if (series.points().stream().anyMatch(InputPoint::late)) {
            row.swatch("<path class=\"late\" d=\"M%x 0 L%x2 10 L%x0 10 Z\" fill=\"#ffffff\"/>", "late");
        }
        if (series.points().stream().anyMatch(InputPoint::maybeLate)) {
            row.swatch("<rect class=\"maybe-late\" x=\"%x0\" y=\"2\" width=\"8\" height=\"8\" stroke=\"#333333\"/>",
                    "late or not, by timing");
        }
        boolean range = series.watermarkIsARange();
        if (series.points().stream().anyMatch(p -> p.lowestWatermark().isPresent())) {
            row.swatch("<path class=\"watermark\" d=\"M%x0 5 H%x3\"/>",
                    range ? "lowest possible watermark" : "watermark on arrival");
        }
        if (range) {
            row.swatch("<path class=\"watermark-high\" d=\"M%x0 5 H%x3\"/>", "highest possible watermark");
        }
        row.swatch("<path class=\"boundary\" d=\"M%x0 5 H%x3\"/>", "window boundary");
    }

    /** Lays swatches out left to right; {@code %x0}, {@code %x}, {@code %x2}, {@code %x3} are x positions. */
    private static final class Row {
        private final StringBuilder svg;
        private final int y;
        private double x = 100;

        Row(StringBuilder svg, int y) {
            this.svg = svg;
            this.y = y;
        }

        void circle(String colour, String label) {
            swatch("<circle cx=\"%x\" cy=\"5\" r=\"4\" fill=\"" + colour + "\"/>", label);
        }

        void swatch(String shape, String label) {
            svg.append("<g class=\"legend\" transform=\"translate(0 ").append(y - 5).append(")\">")
                    .append(shape.replace("%x0", Html.number(x)).replace("%x2", Html.number(x + 10))
                            .replace("%x3", Html.number(x + 18)).replace("%x", Html.number(x + 5)))
                    .append("<text x=\"").append(Html.number(x + 24)).append("\" y=\"9\">").append(escape(label))
                    .append("</text></g>\n");
            x += 34 + 6.5 * label.length();
        }
    }
}
