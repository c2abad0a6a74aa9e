package io.flinkharness.cli.validate;

import io.flinkharness.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's multi-line messages made short: a heading that ends in a colon and the list under it become one line
 * ({@code Unsupported options: scan.startup.mod}, {@code Available factory identifiers are: blackhole, datagen,
 * ...}), long lists are cut, and an unsupported option or an unknown connector or format identifier gets the
 * closest supported one as a suggestion.
 */
final class MessageLines {
    private static final int MAX_ITEMS = 8;
    private static final String UNSUPPORTED = "Unsupported options:";
    private static final String SUPPORTED = "Supported options:";
    private static final String AVAILABLE = "Available factory identifiers are:";
    private static final Pattern UNKNOWN_IDENTIFIER =
            Pattern.compile("Could not find any factory for identifier '([^']+)'");

    private MessageLines() {
    }

    static List<String> compact(String message) {
        List<String> lines = message.lines().map(String::strip).toList();
        List<String> out = new ArrayList<>();
        Optional<List<String>> supported = listUnder(lines, SUPPORTED);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (!line.endsWith(":")) {
                out.add(line);
                continue;
            }
            List<String> items = items(lines, i + 1);
            i += skipped(lines, i + 1);
            if (line.equals(SUPPORTED) && supported.isPresent()) {
                continue;
            }
            if (line.equals(UNSUPPORTED) && supported.isPresent()) {
                out.add(unsupported(items, supported.get()));
            } else {
                out.add(line + " " + joined(items) + (line.equals(AVAILABLE) ? identifierHint(message, items) : ""));
            }
        }
        return out;
    }

    /** For an unknown connector or format identifier: the available one it is closest to. */
    private static String identifierHint(String message, List<String> available) {
        Matcher unknown = UNKNOWN_IDENTIFIER.matcher(message);
        return unknown.find() ? Suggestions.closest(unknown.group(1), available)
                .map(s -> " (did you mean '" + s + "'?)").orElse("") : "";
    }

    private static String unsupported(List<String> items, List<String> supported) {
        List<String> hinted = items.stream().map(option -> option + Suggestions.closest(option, supported)
                .map(s -> " (did you mean '" + s + "'?)").orElse("")).toList();
        return UNSUPPORTED + " " + String.join(", ", hinted);
    }

    private static Optional<List<String>> listUnder(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        return at < 0 ? Optional.empty() : Optional.of(items(lines, at + 1));
    }

    /** The list under a heading: the lines up to the next blank line or heading, blank lines right after it skipped. */
    private static List<String> items(List<String> lines, int from) {
        List<String> items = new ArrayList<>();
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        for (; i < lines.size() && !lines.get(i).isEmpty() && !lines.get(i).endsWith(":"); i++) {
            items.add(lines.get(i));
        }
        return items;
    }

    private static int skipped(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        while (i < lines.size() && !lines.get(i).isEmpty() && !lines.get(i).endsWith(":")) {
            i++;
        }
        return i - from;
    }

    private static String joined(List<String> items) {
        if (items.size() <= MAX_ITEMS) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_ITEMS)) + ", ... (" + (items.size() - MAX_ITEMS) + " more)";
    }
}
