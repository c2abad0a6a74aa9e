package io.flinkharness.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Java stack traces that Flink's REST APIs return as error text and keeps what a user needs: the
 * most telling exception message (Flink's own, e.g. a ValidationException with its position) and the root
 * cause, without the wrapping layers of the gateway.
 */
public final class FlinkErrorText {
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final List<String> WRAPPERS = List.of(
            "org.apache.flink.table.gateway.api.utils.SqlGatewayException",
            "org.apache.flink.table.gateway.service.utils.SqlExecutionException",
            "org.apache.flink.runtime.rest.handler.RestHandlerException",
            "java.util.concurrent.CompletionException",
            "java.util.concurrent.ExecutionException",
            "org.apache.flink.util.FlinkRuntimeException",
            "org.apache.flink.util.SerializedThrowable",
            "org.apache.flink.runtime.JobException");

    private FlinkErrorText() {
    }

    /** One exception of a cause chain: its class and message. */
    public record Cause(String exceptionClass, String message) {
        @Override
        public String toString() {
            return exceptionClass.isEmpty() ? message
                    : message.isEmpty() ? exceptionClass : exceptionClass + ": " + message;
        }
    }

    /**
     * The chain of causes written in a stack trace text, outermost first. Suppressed exceptions and their own
     * (indented) causes are not part of the chain.
     */
    public static List<Cause> causes(String stackTrace) {
        List<Cause> causes = new ArrayList<>();
        StringBuilder current = null;
        boolean inSuppressed = false;
        for (String line : stackTrace.split("\\R")) {
            String trimmed = line.strip();
            boolean causedBy = line.startsWith("Caused by: ");
            if (inSuppressed && !causedBy) {
                continue;
            }
            inSuppressed = false;
            if (isFrameOrEnvelope(trimmed)) {
                current = flush(causes, current);
                inSuppressed = trimmed.startsWith("Suppressed:") && Character.isWhitespace(line.charAt(0));
            } else if (causedBy || (causes.isEmpty() && current == null && !trimmed.isEmpty())) {
                flush(causes, current);
                current = new StringBuilder(causedBy ? trimmed.substring(11) : trimmed);
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        flush(causes, current);
        return causes;
    }

    /** A line that ends the message of the current cause: a stack frame, a suppressed exception, Flink's envelope. */
    private static boolean isFrameOrEnvelope(String trimmed) {
        return trimmed.startsWith("at ") || trimmed.startsWith("... ") || trimmed.startsWith("Suppressed:")
                || trimmed.startsWith("<Exception on server side:") || trimmed.startsWith("End of exception on server side");
    }

    private static StringBuilder flush(List<Cause> causes, StringBuilder text) {
        if (text != null) {
            String s = text.toString().strip();
            int colon = s.indexOf(": ");
            boolean hasClass = colon > 0 && !s.substring(0, colon).contains(" ");
            causes.add(hasClass ? new Cause(s.substring(0, colon), s.substring(colon + 2).strip())
                    : new Cause(s.contains(" ") ? "" : s, s.contains(" ") ? s : ""));
        }
        return null;
    }

    /** The most telling message: the first cause that is not one of the gateway's wrappers. */
    public static Optional<Cause> mostTelling(List<Cause> causes) {
        return causes.stream()
                .filter(c -> !WRAPPERS.contains(c.exceptionClass()))
                .filter(c -> !c.message().startsWith("Failed to execute the operation"))
                .findFirst()
                .or(() -> causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(causes.size() - 1)));
    }

    /**
     * The causes a reader needs, one per line, outermost first: the gateway's and runtime's wrappers and
     * causes that only repeat their predecessor's message are left out.
     */
    public static String chain(List<Cause> causes) {
        List<String> lines = new ArrayList<>();
        String previous = "";
        for (Cause cause : causes) {
            if (WRAPPERS.contains(cause.exceptionClass()) || (!previous.isEmpty() && previous.contains(cause.message()))) {
                continue;
            }
            lines.add(cause.toString().lines().findFirst().orElse(""));
            previous = cause.message();
        }
        if (lines.isEmpty()) {
            root(causes).ifPresent(c -> lines.add(c.toString()));
        }
        return String.join("\n  caused by: ", lines);
    }

    public static Optional<Cause> root(List<Cause> causes) {
        return causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(causes.size() - 1));
    }

    /** {@code [line, column]} of the first "line L, column C" in a message, if any. */
    public static Optional<int[]> position(String message) {
        Matcher m = POSITION.matcher(message);
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                : Optional.empty();
    }

    /** A one-line summary of REST error texts: the first line of the most telling cause of the longest text. */
    public static String summary(List<String> errors) {
        String longest = errors.stream().reduce("", (a, b) -> b.length() > a.length() ? b : a);
        List<Cause> causes = causes(longest);
        String text = mostTelling(causes).map(Cause::toString).orElse(longest.strip());
        return text.lines().findFirst().orElse("");
    }

    /**
     * A message of several lines made short but complete: the first line and the lines after it while they are
     * short (e.g. the column list of a {@code key.fields} error); for "Unsupported options", the options named with
     * the closest supported one ({@code scan.startup.mod (did you mean 'scan.startup.mode'?)}).
     */
    public static String brief(String message) {
        List<String> lines = message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        int unsupported = lines.indexOf("Unsupported options:");
        int supported = lines.indexOf("Supported options:");
        if (unsupported >= 0 && supported > unsupported) {
            List<String> known = lines.subList(supported + 1, lines.size());
            List<String> named = lines.subList(unsupported + 1, supported).stream()
                    .map(o -> o + Suggestions.closest(o, known).map(c -> " (did you mean '" + c + "'?)").orElse(""))
                    .toList();
            return lines.get(0) + " Unsupported options: " + String.join(", ", named);
        }
        StringBuilder out = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (out.length() + line.length() > BRIEF_LIMIT) {
                out.append(" …");
                break;
            }
            out.append(' ').append(line);
        }
        return out.toString();
    }

    private static final int BRIEF_LIMIT = 400;
}
