package io.flinkharness.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as users write them in case files: {@code 250ms}, {@code 5s}, {@code 2m} (or {@code 2min}),
 * {@code 1h}, {@code 1d}, or ISO-8601 such as {@code PT5S}; and writes them the short way. Not part of the public
 * API.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h|d)");

    private Durations() {
    }

    /** The duration, or null if the text is neither form. */
    public static Duration parseOrNull(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The duration as people write it: {@code 10s}, {@code 250ms}, {@code 1m30s}, {@code 2h}. */
    public static String show(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return "-" + show(d.negated());
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toDaysPart(), "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        int micros = d.toNanosPart() % 1_000_000;
        if (micros != 0) {
            append(out, micros / 1000, "us");
            append(out, micros % 1000, "ns");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }
}
