package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.RecordLabel;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Records and lists of them, written for messages. Not part of the public API. */
final class Records {
    static final int SHOWN = 20;

    private Records() {
    }

    /** {@code #88 (generated, partition 1, event time 2026-01-01T00:00:12.300Z, watermark on arrival [..])}. */
    static String describe(GeneratedRecord record) {
        RecordLabel label = record.label();
        return "#" + label.arrival() + " (" + label.origin().name().toLowerCase(Locale.ROOT) + ", partition "
                + label.partition() + ", event time " + label.eventTime() + ", watermark on arrival "
                + label.watermarkOnArrival() + ")";
    }

    /** The first {@link #SHOWN} items, one per line with an indent, then how many more. */
    static <T> void list(StringBuilder out, List<T> items, Function<T, String> text) {
        items.stream().limit(SHOWN).forEach(i -> out.append("\n  ").append(text.apply(i)));
        if (items.size() > SHOWN) {
            out.append("\n  … and ").append(items.size() - SHOWN).append(" more");
        }
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
