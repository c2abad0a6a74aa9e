package io.flinkharness.cases.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a case's {@code timeout}: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h} or ISO {@code PT1M}. */
final class Timeouts {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final String FIX = "write a positive number with a unit: 500ms, 60s, 2m";

    private Timeouts() {
    }

    static Duration parse(String text, Problems problems) {
        Duration d = parseOrNull(text.strip());
        if (d == null) {
            throw problems.atValue("timeout", "'" + text + "' is not a duration", FIX);
        }
        if (d.isZero() || d.isNegative()) {
            throw problems.atValue("timeout", "must be positive, got '" + text + "'", FIX);
        }
        return d;
    }

    private static Duration parseOrNull(String text) {
        Matcher m = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
