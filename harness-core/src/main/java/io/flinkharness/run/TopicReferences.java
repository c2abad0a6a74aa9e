package io.flinkharness.run;

import io.flinkharness.gateway.SqlStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics that table options name ({@code 'topic' = 'a'} or {@code 'topic' = 'a;b'}), with the
 * statement that names each, so a topic that does not exist is reported before a job waits on it.
 */
final class TopicReferences {
    private static final Pattern TOPIC_OPTION = Pattern.compile("'topic'\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);

    private TopicReferences() {
    }

    /** Topic name to the first statement that names it, in statement order. */
    static Map<String, SqlStatement> in(List<SqlStatement> statements) {
        Map<String, SqlStatement> topics = new LinkedHashMap<>();
        for (SqlStatement statement : statements) {
            Matcher m = TOPIC_OPTION.matcher(statement.text());
            while (m.find()) {
                for (String topic : m.group(1).split(";")) {
                    if (!topic.isBlank()) {
                        topics.putIfAbsent(topic.strip(), statement);
                    }
                }
            }
        }
        return topics;
    }
}
