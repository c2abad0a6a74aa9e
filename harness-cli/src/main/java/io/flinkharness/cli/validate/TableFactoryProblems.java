package io.flinkharness.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a problem that Flink finds while it builds a table's source or sink where the mistake is written: in the
 * table's CREATE TABLE, at the option the explanation names (quoted as {@code 'key.fields'} first, then as a word
 * as in {@code Unsupported options: scan.startup.mod}) or whose value it quotes ({@code 'connector' = 'kafak'}), else
 * at the statement's first line. Flink only builds a source or sink when a statement that reads or writes the table
 * is planned, so it reports the problem there.
 *
 * <pre>{@code
 * SqlProblem atTable = TableFactoryProblems.inDdl(problemOfTheDml, Script.ddl(sqlCase));
 * }</pre>
 */
final class TableFactoryProblems {
    private static final Pattern FACTORY = Pattern.compile(
            "^Unable to create a (?:source|sink) for (?:reading|writing) table '(?:[^']*\\.)?([^'.]+)'");
    private static final Pattern OPTION = Pattern.compile("'((?:[^']|'')+)'\\s*=\\s*'((?:[^']|'')*)'");

    private TableFactoryProblems() {
    }

    /** The problem at the CREATE TABLE of the table it names, or {@code problem} itself if it names none. */
    static SqlProblem inDdl(SqlProblem problem, Script ddl) {
        Matcher table = FACTORY.matcher(problem.headline());
        if (!table.find()) {
            return problem;
        }
        return ddl.statements().stream()
                .filter(s -> s.statement().createdTable().filter(table.group(1)::equalsIgnoreCase).isPresent())
                .findFirst().map(create -> atOption(problem, create)).orElse(problem);
    }

    private static SqlProblem atOption(SqlProblem problem, Script.Statement create) {
        String explanation = String.join("\n", problem.details());
        String text = create.statement().text();
        Optional<Matcher> option = option(text, m -> explanation.contains("'" + m.group(1) + "'"))
                .or(() -> option(text, m -> mentions(explanation, m.group(1))))
                .or(() -> option(text, m -> !m.group(2).isEmpty() && explanation.contains("'" + m.group(2) + "'")));
        int line = option.map(m -> lineOf(text, m.start())).orElse(1);
        int column = option.map(m -> m.start() - text.lastIndexOf('\n', m.start() - 1)).orElse(0);
        List<String> details = new ArrayList<>(problem.details());
        details.add("found while planning " + problem.where() + " at " + place(problem, create));
        return SqlProblem.at(create, line, column, problem.headline(), details);
    }

    /** The first {@code 'key' = 'value'} option of the statement that {@code test} accepts. */
    private static Optional<Matcher> option(String text, Predicate<Matcher> test) {
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            if (test.test(m)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether the text names the key as a word of its own: {@code scan.startup.mod}, not in {@code ...mode}. */
    private static boolean mentions(String text, String key) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(key) + "(?![\\w.-])").matcher(text).find();
    }

    private static int lineOf(String text, int offset) {
        return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /** Where the statement that was planned is: its line, with its file if that is not the DDL's. */
    private static String place(SqlProblem problem, Script.Statement create) {
        return (problem.file().equals(create.file()) ? "line " : problem.file() + ":") + problem.fileLine();
    }
}
