package io.flinkharness.data.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the delay of a watermark expression as Flink writes it back after validation: {@code `ts`} (no delay)
 * or {@code `ts` - INTERVAL '5' SECOND}, with any day-time unit or range ({@code INTERVAL '1:30' MINUTE TO
 * SECOND}, {@code INTERVAL '0.25' SECOND}) and several subtracted intervals. Month and year intervals have no
 * fixed length and are not read. Not part of the public API.
 */
public final class WatermarkDelays {
    private static final List<String> UNITS = List.of("DAY", "HOUR", "MINUTE", "SECOND");
    private static final String UNIT = "(WEEK|DAY|HOUR|MINUTE|SECOND)S?(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?";
    private static final Pattern TERM = Pattern.compile(
            "\\s*-\\s*INTERVAL\\s+'([^']*)'\\s+" + UNIT + "(?:\\s+TO\\s+" + UNIT + ")?",
            Pattern.CASE_INSENSITIVE);

    private WatermarkDelays() {
    }

    /** The delay of {@code expression} behind column {@code rowtime}, or empty if it is not of a readable form. */
    public static Optional<Duration> read(String expression, String rowtime) {
        String text = expression.strip();
        String column = "`" + rowtime.replace("`", "``") + "`";
        String rest;
        if (text.startsWith(column)) {
            rest = text.substring(column.length());
        } else if (text.regionMatches(true, 0, rowtime, 0, rowtime.length())) {
            rest = text.substring(rowtime.length());
        } else {
            return Optional.empty();
        }
        Duration delay = Duration.ZERO;
        Matcher m = TERM.matcher(rest);
        int at = 0;
        while (at < rest.length() && m.find(at) && m.start() == at) {
            Optional<Duration> term = interval(m.group(1), m.group(2), m.group(3));
            if (term.isEmpty()) {
                return Optional.empty();
            }
            delay = delay.plus(term.get());
            at = m.end();
        }
        return rest.substring(at).isBlank() ? Optional.of(delay) : Optional.empty();
    }

    private static Optional<Duration> interval(String literal, String from, String to) {
        String value = literal.strip();
        boolean negative = value.startsWith("-");
        if (negative || value.startsWith("+")) {
            value = value.substring(1);
        }
        String start = from.toUpperCase(Locale.ROOT);
        if (start.equals("WEEK")) {
            return to != null || !value.matches("\\d+") ? Optional.empty()
                    : Optional.of(signed(Duration.ofDays(7L * Long.parseLong(value)), negative));
        }
        int first = UNITS.indexOf(start);
        int last = to == null ? first : UNITS.indexOf(to.toUpperCase(Locale.ROOT));
        String[] parts = value.split("[ :]");
        if (last < first || parts.length != last - first + 1) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < parts.length; i++) {
            String unit = UNITS.get(first + i);
            boolean fractionAllowed = unit.equals("SECOND");
            if (!parts[i].matches(fractionAllowed ? "\\d+(\\.\\d+)?" : "\\d+")) {
                return Optional.empty();
            }
            total = total.plus(amount(new BigDecimal(parts[i]), unit));
        }
        return Optional.of(signed(total, negative));
    }

    private static Duration amount(BigDecimal n, String unit) {
        return switch (unit) {
            case "DAY" -> Duration.ofDays(n.longValueExact());
            case "HOUR" -> Duration.ofHours(n.longValueExact());
            case "MINUTE" -> Duration.ofMinutes(n.longValueExact());
            default -> Duration.ofNanos(n.movePointRight(9).longValue());
        };
    }

    private static Duration signed(Duration d, boolean negative) {
        return negative ? d.negated() : d;
    }
}
