package io.flinkharness.cli.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table options {@code 'topic' = '...'} written without a {@code ${topic.NAME}} placeholder. A case runs on
 * topics the harness creates under unique names, so a topic named literally does not exist when the case runs
 * (the run reports it only once the environment is up).
 */
final class TopicOptions {
    private static final Pattern TOPIC_OPTION = Pattern.compile("'topic'\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);

    private TopicOptions() {
    }

    static List<SqlProblem> literal(Script ddl, Set<String> declared) {
        List<SqlProblem> problems = new ArrayList<>();
        for (Script.Statement statement : ddl.statements()) {
            Matcher m = TOPIC_OPTION.matcher(statement.statement().text());
            while (m.find()) {
                if (!m.group(1).contains("${")) {
                    problems.add(problem(statement, m, declared));
                }
            }
        }
        return problems;
    }

    private static SqlProblem problem(Script.Statement at, Matcher option, Set<String> declared) {
        String text = at.statement().text();
        int line = 1 + (int) text.substring(0, option.start()).chars().filter(c -> c == '\n').count();
        int column = option.start() - text.lastIndexOf('\n', option.start() - 1);
        String topic = option.group(1);
        return SqlProblem.at(at, line, column, "table option 'topic' = '" + topic + "' names a topic that the case"
                + " does not create — declare it in the case's topics and write '${topic." + topic + "}' (declared"
                + " topics: " + declared + ")", List.of());
    }
}
