package io.flinkharness.cli.report;

import io.flinkharness.internal.Durations;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The windows of a TUMBLE, HOP or CUMULATE: every window starts and ends on a boundary {@code offset + k * grid}.
 *
 * <pre>{@code
 * WindowShape hop = new WindowShape(Kind.HOP, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ZERO);
 * hop.boundaries(from, to);   // every 5 s
 * }</pre>
 *
 * @param size the window size (for CUMULATE its max size)
 * @param step how far windows move: the size for TUMBLE, the slide for HOP, the step for CUMULATE
 * @param offset how far the windows are shifted from the epoch
 */
public record WindowShape(Kind kind, Duration size, Duration step, Duration offset) {

    /** The window table functions with fixed boundaries. */
    public enum Kind { TUMBLE, HOP, CUMULATE }

    public WindowShape {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(offset, "offset cannot be null");
        if (size.isZero() || size.isNegative() || step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException(kind + " needs a positive size and step, got size " + size
                    + ", step " + step);
        }
    }

    /** The distance between neighbouring boundaries: the size, or what divides both size and slide (step). */
    public Duration grid() {
        BigInteger gcd = BigInteger.valueOf(size.toNanos()).gcd(BigInteger.valueOf(step.toNanos()));
        return Duration.ofNanos(gcd.longValueExact());
    }

    /** Every boundary within {@code [from, to]}, in order. */
    public List<Instant> boundaries(Instant from, Instant to) {
        long grid = Math.max(1, grid().toMillis());
        long shift = offset.toMillis();
        long first = Math.floorDiv(from.toEpochMilli() - shift, grid);
        List<Instant> out = new ArrayList<>();
        for (long k = first; k * grid + shift <= to.toEpochMilli(); k++) {
            long at = k * grid + shift;
            if (at >= from.toEpochMilli()) {
                out.add(Instant.ofEpochMilli(at));
            }
        }
        return out;
    }

    /** How many boundaries lie within {@code [from, to]}, without listing them. */
    public long boundaryCount(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / Math.max(1, grid().toMillis()) + 1;
    }

    /** For captions: {@code TUMBLE 10s}, {@code HOP size 10s, slide 5s}, {@code CUMULATE max size 1m, step 10s}. */
    public String describe() {
        String shape = switch (kind) {
            case TUMBLE -> "TUMBLE " + Durations.show(size);
            case HOP -> "HOP size " + Durations.show(size) + ", slide " + Durations.show(step);
            case CUMULATE -> "CUMULATE max size " + Durations.show(size) + ", step " + Durations.show(step);
        };
        return offset.isZero() ? shape : shape + ", offset " + Durations.show(offset);
    }
}
