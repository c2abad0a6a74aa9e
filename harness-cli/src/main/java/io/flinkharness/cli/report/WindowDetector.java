package io.flinkharness.cli.report;

import io.flinkharness.cli.report.WindowShape.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the TUMBLE, HOP or CUMULATE window of a DML script and reads its size, slide or step and offset from the
 * INTERVAL literals of the call: window table functions ({@code TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10'
 * SECOND)}, with positional or named arguments) and group windows ({@code GROUP BY TUMBLE(ts, INTERVAL '10'
 * SECOND)}). Where it cannot tell the boundaries (no window, a SESSION window, an argument that is not a literal,
 * windows of different shapes) it says why.
 *
 * <pre>{@code
 * WindowDetector.detect("... TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))")
 *         .shape();   // HOP size 10s, slide 5s
 * }</pre>
 */
public final class WindowDetector {
    private static final Pattern CALL = Pattern.compile("(?i)\\b(TUMBLE|HOP|CUMULATE|SESSION)\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("(?s)^\\s*(\\w+)\\s*=>\\s*(.*)$");
    private static final Map<Kind, List<String>> PARAMETERS = Map.of(
            Kind.TUMBLE, List.of("SIZE", "OFFSET"),
            Kind.HOP, List.of("SLIDE", "SIZE", "OFFSET"),
            Kind.CUMULATE, List.of("STEP", "SIZE", "OFFSET"));

    private WindowDetector() {
    }

    public static WindowDetection detect(String dml) {
        String code = SqlText.blankComments(dml);
        Matcher call = CALL.matcher(SqlText.blankCommentsAndQuotes(dml));
        Set<WindowShape> shapes = new LinkedHashSet<>();
        while (call.find()) {
            String name = call.group(1).toUpperCase(Locale.ROOT);
            if (name.equals("SESSION")) {
                return WindowDetection.none("the DML has a SESSION window, whose boundaries depend on the data");
            }
            WindowDetection one = callShape(Kind.valueOf(name), SqlText.arguments(code, call.end() - 1));
            if (one.shape().isEmpty()) {
                return one;
            }
            shapes.add(one.shape().get());
        }
        if (shapes.isEmpty()) {
            return WindowDetection.none("the DML has no TUMBLE, HOP or CUMULATE window");
        }
        if (shapes.size() > 1) {
            return WindowDetection.none("the DML has windows of different shapes (" + shapes.stream()
                    .map(WindowShape::describe).collect(Collectors.joining("; ")) + "), so no one set of window"
                    + " boundaries fits the input");
        }
        return WindowDetection.found(shapes.iterator().next());
    }

    private static WindowDetection callShape(Kind kind, List<String> args) {
        String call = kind + "(" + args.stream().map(String::strip).collect(Collectors.joining(", ")) + ")";
        Optional<Map<String, String>> parameters = parameters(kind, args);
        if (parameters.isEmpty()) {
            return WindowDetection.none(call + " has more arguments than the picture can follow");
        }
        Map<String, Duration> lengths = new LinkedHashMap<>();
        for (String name : PARAMETERS.get(kind)) {
            String value = parameters.get().get(name);
            if (value == null && !name.equals("OFFSET")) {
                return WindowDetection.none(call + " has no " + lower(name) + " the picture can find");
            }
            Optional<Duration> length = value == null ? Optional.of(Duration.ZERO) : Intervals.read(value);
            if (length.isEmpty()) {
                return WindowDetection.none("the " + lower(name) + " of " + call + " is '" + value + "', not a"
                        + " day-time INTERVAL literal the picture can measure (e.g. INTERVAL '10' SECOND)");
            }
            if (!name.equals("OFFSET") && length.get().toMillis() < 1) {
                return WindowDetection.none("the " + lower(name) + " of " + call + " is '" + value + "', not at"
                        + " least one millisecond");
            }
            lengths.put(name, length.get());
        }
        Duration size = lengths.get("SIZE");
        Duration step = kind == Kind.TUMBLE ? size : lengths.get(kind == Kind.HOP ? "SLIDE" : "STEP");
        return WindowDetection.found(new WindowShape(kind, size, step, lengths.get("OFFSET")));
    }

    /**
     * The window's parameters by name ({@code SIZE}, {@code SLIDE}, {@code STEP}, {@code OFFSET}) from named and
     * positional arguments; empty if there are more positional arguments than the call has parameters. A table
     * function ({@code TABLE t, DESCRIPTOR(ts), ...}) has two data arguments, a group window ({@code ts, ...}) one.
     */
    private static Optional<Map<String, String>> parameters(Kind kind, List<String> args) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            Matcher named = NAMED.matcher(arg);
            if (named.matches()) {
                parameters.put(named.group(1).toUpperCase(Locale.ROOT), named.group(2).strip());
            } else {
                positional.add(arg.strip());
            }
        }
        boolean tableFunction = parameters.containsKey("DATA")
                || !positional.isEmpty() && positional.get(0).regionMatches(true, 0, "TABLE", 0, 5);
        int data = parameters.containsKey("DATA") ? 0 : tableFunction ? 2 : 1;
        List<String> names = PARAMETERS.get(kind).subList(0, PARAMETERS.get(kind).size() - (tableFunction ? 0 : 1));
        if (positional.size() - data > names.size()) {
            return Optional.empty();
        }
        for (int i = data; i < positional.size(); i++) {
            parameters.put(names.get(i - data), positional.get(i));
        }
        return Optional.of(parameters);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
