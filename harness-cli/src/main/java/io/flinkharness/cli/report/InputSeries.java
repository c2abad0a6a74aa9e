package io.flinkharness.cli.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The records put on one input topic of a case, in produce order, as the input picture draws them, with notes on
 * what the picture cannot show (why there is no watermark line, where event times came from).
 *
 * <pre>{@code
 * InputSeries clicks = InputSeriesReader.read(sqlCase, "clicks");
 * clicks.points().stream().filter(InputPoint::late).count();
 * }</pre>
 */
public record InputSeries(String topic, int partitions, List<InputPoint> points, List<String> notes) {
    public InputSeries {
        Objects.requireNonNull(topic, "topic cannot be null");
        points = List.copyOf(points);
        notes = List.copyOf(notes);
    }

    /** The first {@code n} records only. */
    public InputSeries first(int n) {
        return points.size() <= n ? this : new InputSeries(topic, partitions, points.subList(0, n), notes);
    }

    /** Whether any record has a watermark on arrival to draw. */
    public boolean hasWatermark() {
        return points.stream().anyMatch(p -> p.lowestWatermark().isPresent() || p.highestWatermark().isPresent());
    }

    /** Whether the watermark's lowest and highest possible values differ anywhere, so both are drawn. */
    public boolean watermarkIsARange() {
        return points.stream().anyMatch(p -> !p.lowestWatermark().equals(p.highestWatermark()));
    }

    /** From the earliest event time or watermark to the latest event time. */
    public record TimeRange(Instant from, Instant to) {
    }

    /** The times the records and watermarks span; empty without records. */
    public Optional<TimeRange> timeRange() {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        Instant min = Instant.MAX;
        Instant max = Instant.MIN;
        for (InputPoint p : points) {
            min = earliest(earliest(earliest(min, p.eventTime()), p.lowestWatermark()), p.highestWatermark());
            max = p.eventTime().isAfter(max) ? p.eventTime() : max;
        }
        return Optional.of(new TimeRange(min, max));
    }

    private static Instant earliest(Instant a, Optional<Instant> b) {
        return b.map(t -> earliest(a, t)).orElse(a);
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
