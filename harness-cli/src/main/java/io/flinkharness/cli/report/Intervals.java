package io.flinkharness.cli.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Flink SQL day-time interval literal: {@code INTERVAL '10' SECOND}, {@code INTERVAL '0.5' SECOND},
 * {@code INTERVAL '1:30' MINUTE TO SECOND}, {@code INTERVAL '1' DAY}, {@code INTERVAL '-5' MINUTE}. Year-month
 * intervals have no fixed length and are not read.
 *
 * <pre>{@code
 * Intervals.read("INTERVAL '1:30' MINUTE TO SECOND")   // Optional[PT1M30S]
 * }</pre>
 */
final class Intervals {
    private static final List<String> UNITS = List.of("DAY", "HOUR", "MINUTE", "SECOND");
    private static final String UNIT = "([A-Za-z]+)(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?";
    private static final Pattern LITERAL = Pattern.compile(
            "(?i)INTERVAL\\s+'([^']*)'\\s+" + UNIT + "(?:\\s+TO\\s+" + UNIT + ")?");

    private Intervals() {
    }

    /** The length of the literal, or empty if {@code text} is not exactly one day-time interval literal. */
    static Optional<Duration> read(String text) {
        Matcher m = LITERAL.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String value = m.group(1).strip();
        boolean negative = value.startsWith("-");
        if (negative || value.startsWith("+")) {
            value = value.substring(1);
        }
        return length(value, unit(m.group(2)), m.group(3) == null ? null : unit(m.group(3)))
                .map(d -> negative ? d.negated() : d);
    }

    private static Optional<Duration> length(String value, String from, String to) {
        int first = UNITS.indexOf(from);
        int last = to == null ? first : UNITS.indexOf(to);
        String[] parts = value.split("[ :]");
        if (first < 0 || last < first || parts.length != last - first + 1) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < parts.length; i++) {
            String unit = UNITS.get(first + i);
            if (!parts[i].matches(unit.equals("SECOND") ? "\\d+(\\.\\d+)?" : "\\d+")) {
                return Optional.empty();
            }
            total = total.plus(amount(new BigDecimal(parts[i]), unit));
        }
        return Optional.of(total);
    }

    /** SECONDS and SECOND are both accepted. */
    private static String unit(String written) {
        String unit = written.toUpperCase(Locale.ROOT);
        return unit.endsWith("S") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private static Duration amount(BigDecimal n, String unit) {
        return switch (unit) {
            case "DAY" -> Duration.ofDays(n.longValueExact());
            case "HOUR" -> Duration.ofHours(n.longValueExact());
            case "MINUTE" -> Duration.ofMinutes(n.longValueExact());
            default -> Duration.ofNanos(n.movePointRight(9).longValue());
        };
    }
}
