package io.flinkharness.oracle.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows of a window table-valued function, aligned to the epoch in UTC as Flink aligns windows over a
 * TIMESTAMP rowtime ({@code SliceAssigners}: TUMBLE with an optional offset, HOP sliced by the slide, CUMULATE sliced
 * by the step). Not part of the public API.
 */
public final class Windowing {
    /** The window function. */
    public enum Kind { TUMBLE, HOP, CUMULATE }

    private final Kind kind;
    private final long size;
    private final long slide;
    private final long offset;

    private Windowing(Kind kind, long size, long slide, long offset) {
        this.kind = kind;
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static Windowing tumble(Duration size, Duration offset) {
        long s = positive(size, "TUMBLE size");
        long o = Millis.of(offset, "TUMBLE offset");
        if (Math.abs(o) >= s) {
            throw new IllegalArgumentException("TUMBLE offset must be shorter than the size (Flink needs |offset| <"
                    + " size), got offset " + Millis.text(o) + " for size " + Millis.text(s));
        }
        return new Windowing(Kind.TUMBLE, s, s, o);
    }

    public static Windowing hop(Duration slide, Duration size) {
        long l = positive(slide, "HOP slide");
        long s = positive(size, "HOP size");
        requireMultiple("HOP", "size", s, "slide", l, "hopping windows by the slide");
        return new Windowing(Kind.HOP, s, l, 0);
    }

    public static Windowing cumulate(Duration step, Duration maxSize) {
        long l = positive(step, "CUMULATE step");
        long s = positive(maxSize, "CUMULATE max size");
        requireMultiple("CUMULATE", "max size", s, "step", l, "cumulative windows by the step");
        return new Windowing(Kind.CUMULATE, s, l, 0);
    }

    private static long positive(Duration d, String what) {
        long millis = Millis.of(d, what);
        if (millis <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + Millis.text(millis));
        }
        return millis;
    }

    private static void requireMultiple(String fn, String sizeName, long size, String stepName, long step,
            String slicing) {
        if (size % step == 0) {
            return;
        }
        long below = Math.min(step, size);
        while (size % below != 0) {
            below--;
        }
        long above = Math.min(step, size);
        while (size % above != 0) {
            above++;
        }
        String examples = above == below ? Millis.text(below) : Millis.text(below) + " or " + Millis.text(above);
        throw new IllegalArgumentException(fn + " " + sizeName + " " + Millis.text(size) + " is not a whole multiple"
                + " of the " + stepName + " " + Millis.text(step) + " — Flink slices " + slicing + "; use a "
                + stepName + " that divides the " + sizeName + ", e.g. " + examples);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether Flink 2.2 may lose records of these windows: with an offset, its slicing window operators flush
     * their buffers when the watermark passes a multiple of the size ({@code TimeWindowUtil.getNextTriggerWatermark}
     * ignores the offset), so a window can fire before its buffered records reach its state (FLINK-36664).
     */
    public boolean losesRecordsInFlink() {
        return offset != 0;
    }

    /** The windows that contain {@code t}, earliest first. */
    public List<Window> windowsOf(long t) {
        List<Window> windows = new ArrayList<>();
        switch (kind) {
            case TUMBLE -> {
                long start = t - Math.floorMod(t - offset, size);
                windows.add(new Window(start, start + size));
            }
            case HOP -> {
                long lastStart = t - Math.floorMod(t, slide);
                for (long start = lastStart - size + slide; start <= lastStart; start += slide) {
                    windows.add(new Window(start, start + size));
                }
            }
            case CUMULATE -> {
                long start = t - Math.floorMod(t, size);
                for (long end = start + slide; end <= start + size; end += slide) {
                    if (end > t) {
                        windows.add(new Window(start, end));
                    }
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return windows;
    }

    /** {@code TUMBLE(size 10 s)}, {@code HOP(slide 5 s, size 1 min)}, {@code CUMULATE(step 1 min, max size 1 h)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case TUMBLE -> "TUMBLE(size " + Millis.text(size) + (offset == 0 ? "" : ", offset " + Millis.text(offset))
                    + ")";
            case HOP -> "HOP(slide " + Millis.text(slide) + ", size " + Millis.text(size) + ")";
            case CUMULATE -> "CUMULATE(step " + Millis.text(slide) + ", max size " + Millis.text(size) + ")";
        };
    }
}
