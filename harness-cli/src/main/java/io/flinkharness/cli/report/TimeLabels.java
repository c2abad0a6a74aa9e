package io.flinkharness.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Short UTC labels for the event-time axis: the time of day when the picture spans less than a day (the dates go
 * into the caption), else month and day too; milliseconds only where a time has them.
 */
record TimeLabels(DateTimeFormatter format, String caption) {
    private static final DateTimeFormatter DAY = utc("uuuu-MM-dd");

    static TimeLabels forRange(Instant bottom, Instant top) {
        if (Duration.between(bottom, top).compareTo(Duration.ofDays(1)) < 0) {
            String from = DAY.format(bottom);
            String to = DAY.format(top);
            return new TimeLabels(utc("HH:mm:ss"), "UTC, " + (from.equals(to) ? from : from + " to " + to));
        }
        return new TimeLabels(utc("MM-dd HH:mm:ss"), "UTC, " + DAY.format(bottom) + " to " + DAY.format(top));
    }

    String format(Instant t) {
        String text = format.format(t);
        int millis = t.get(ChronoField.MILLI_OF_SECOND);
        return millis == 0 ? text : text + String.format(Locale.ROOT, ".%03d", millis);
    }

    private static DateTimeFormatter utc(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }
}
