package io.flinkharness.cli.validate;

import io.flinkharness.internal.FlinkErrorText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an exception of Flink's planner into a {@link SqlProblem}: Flink's most telling message on one line,
 * without the position (the report gives it as the file's line and column) and without the repeated
 * "SQL validation failed." that wraps it; the lines that follow it (sink and query schemas) and the root cause
 * (an unsupported option, a missing factory) as details.
 */
final class FlinkMessages {
    private static final int MAX_DETAIL_LINES = 6;
    private static final Pattern RANGE = Pattern.compile("^From line \\d+, column \\d+ to line \\d+, column \\d+: ");
    private static final Pattern AT = Pattern.compile(" at line \\d+, column \\d+");
    private static final Pattern VALIDATION_FAILED = Pattern.compile("^(SQL validation failed\\. )+");

    private FlinkMessages() {
    }

    static SqlProblem problem(Script.Statement at, Throwable failure) {
        List<FlinkErrorText.Cause> causes = causes(failure);
        FlinkErrorText.Cause telling = FlinkErrorText.mostTelling(causes).orElseThrow();
        List<String> lines = MessageLines.compact(telling.message());
        String headline = lines.isEmpty() ? telling.toString() : headline(lines.get(0));
        if (causes.stream().anyMatch(c -> c.exceptionClass().endsWith("SqlParseException"))
                && !headline.startsWith("SQL parse failed")) {
            headline = "SQL parse failed. " + headline;
        }
        Optional<FlinkErrorText.Cause> root = rootCause(causes, telling);
        // with a root cause, the lines after the message (e.g. every table option) only repeat the statement
        List<String> details = root.isPresent() ? rootLines(root.get())
                : lines.subList(Math.min(1, lines.size()), lines.size());
        Optional<int[]> position = FlinkErrorText.position(telling.message());
        return SqlProblem.at(at, position.map(p -> p[0]).orElse(0), position.map(p -> p[1]).orElse(0), headline,
                limit(details));
    }

    private static List<FlinkErrorText.Cause> causes(Throwable failure) {
        List<FlinkErrorText.Cause> causes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            causes.add(new FlinkErrorText.Cause(t.getClass().getName(), String.valueOf(t.getMessage())));
        }
        return causes;
    }

    private static String headline(String firstLine) {
        String text = VALIDATION_FAILED.matcher(firstLine).replaceFirst("");
        text = RANGE.matcher(text).replaceFirst("");
        return AT.matcher(text).replaceAll("");
    }

    /** The innermost cause, when it says more than the message already shown. */
    private static Optional<FlinkErrorText.Cause> rootCause(List<FlinkErrorText.Cause> causes,
            FlinkErrorText.Cause telling) {
        return FlinkErrorText.root(causes)
                .filter(root -> root != telling && !telling.message().contains(firstLine(root.message())));
    }

    private static List<String> rootLines(FlinkErrorText.Cause root) {
        List<String> lines = MessageLines.compact(root.message());
        List<String> out = new ArrayList<>();
        out.add("caused by: " + (lines.isEmpty() ? root.exceptionClass() : lines.get(0)));
        lines.stream().skip(1).map(l -> "  " + l).forEach(out::add);
        return out;
    }

    private static List<String> limit(List<String> details) {
        if (details.size() <= MAX_DETAIL_LINES) {
            return details;
        }
        List<String> shown = new ArrayList<>(details.subList(0, MAX_DETAIL_LINES));
        shown.add("... (" + (details.size() - MAX_DETAIL_LINES) + " more lines)");
        return shown;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
