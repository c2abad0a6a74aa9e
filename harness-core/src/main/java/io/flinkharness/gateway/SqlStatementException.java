package io.flinkharness.gateway;

import io.flinkharness.internal.FlinkErrorText;
import java.util.List;
import java.util.Optional;

/**
 * Flink rejected a SQL statement (parse, validation or planning error) or the statement failed while running.
 * The message quotes the statement, points at the line and column Flink names, and gives Flink's own message
 * and root cause instead of the REST layers around them.
 */
public class SqlStatementException extends RuntimeException {
    private final SqlStatement statement;
    private final String flinkMessage;
    private final String rootCause;

    /** From the error texts the gateway answered with (Java stack traces). */
    public static SqlStatementException fromServerErrors(SqlStatement statement, List<String> serverErrors) {
        List<FlinkErrorText.Cause> causes = FlinkErrorText.causes(longest(serverErrors));
        return new SqlStatementException(statement,
                FlinkErrorText.mostTelling(causes).map(FlinkErrorText.Cause::message).orElse("unknown error"),
                FlinkErrorText.root(causes).map(FlinkErrorText.Cause::toString).orElse(""));
    }

    public SqlStatementException(SqlStatement statement, String flinkMessage, String rootCause) {
        super(render(statement, flinkMessage, rootCause));
        this.statement = statement;
        this.flinkMessage = flinkMessage;
        this.rootCause = rootCause;
    }

    /**
     * The same error with {@code redact} applied to the statement, Flink's message and the root cause, e.g. to
     * mask secrets a placeholder put into the statement; this one if nothing changes.
     */
    public SqlStatementException redacted(java.util.function.UnaryOperator<String> redact) {
        String text = redact.apply(statement.text());
        String message = redact.apply(flinkMessage);
        String root = redact.apply(rootCause);
        if (text.equals(statement.text()) && message.equals(flinkMessage) && root.equals(rootCause)) {
            return this;
        }
        SqlStatementException copy = new SqlStatementException(new SqlStatement(text, statement.source(),
                statement.index(), statement.line()), message, root);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public SqlStatement statement() {
        return statement;
    }

    /** Flink's own message, e.g. {@code SQL parse failed. Encountered "FORM" at line 2, column 10.} */
    public String flinkMessage() {
        return flinkMessage;
    }

    /** The innermost cause as {@code class: message}. */
    public String rootCause() {
        return rootCause;
    }

    /** Line and column in the statement, where Flink gives them. */
    public Optional<int[]> position() {
        return FlinkErrorText.position(flinkMessage);
    }

    private static String longest(List<String> errors) {
        return errors.stream().reduce("", (a, b) -> b.length() > a.length() ? b : a);
    }

    private static String render(SqlStatement statement, String flinkMessage, String rootCause) {
        StringBuilder out = new StringBuilder();
        out.append(statement.location()).append(" failed: ").append(firstLine(flinkMessage));
        if (!rootCause.isEmpty() && !flinkMessage.contains(messageOf(rootCause))) {
            out.append("\n  root cause: ").append(FlinkErrorText.brief(rootCause));
        }
        Optional<int[]> position = FlinkErrorText.position(flinkMessage);
        out.append("\n  statement:");
        String[] lines = statement.text().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int scriptLine = statement.line() + i;
            out.append(String.format("\n  %4d | %s", scriptLine, lines[i]));
            if (position.isPresent() && position.get()[0] == i + 1) {
                int column = Math.max(1, position.get()[1]);
                out.append(String.format("\n       | %s^ line %d, column %d", " ".repeat(column - 1), scriptLine, column));
            }
        }
        return out.toString();
    }

    private static String messageOf(String classAndMessage) {
        int colon = classAndMessage.indexOf(": ");
        return colon < 0 ? classAndMessage : classAndMessage.substring(colon + 2);
    }

    /** The first line, with a sentence that Flink repeats right after itself said once. */
    private static String firstLine(String s) {
        String[] lines = s.strip().split("\\R");
        return lines.length == 0 ? "" : lines[0].replaceAll("^(.+?\\. )\\1+", "$1");
    }
}
