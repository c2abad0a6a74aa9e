package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicReferencesTest {

    @Test
    void findsEveryTopicOptionWithTheStatementThatNamesIt() {
        List<SqlStatement> ddl = SqlScript.split("""
                CREATE TABLE a (x INT) WITH ('connector' = 'kafka', 'topic' = 'orders');
                CREATE TABLE b (x INT) WITH ('connector' = 'kafka', 'TOPIC'='left; right', 'format' = 'json');
                CREATE TABLE c (x INT) WITH ('connector' = 'datagen')
                """, "ddl");

        Map<String, SqlStatement> topics = TopicReferences.in(ddl);

        assertThat(topics).containsOnlyKeys("orders", "left", "right");
        assertThat(topics.get("orders").index()).isEqualTo(1);
        assertThat(topics.get("right").index()).isEqualTo(2);
    }

    @Test
    void aTopicPatternIsNotATopic() {
        assertThat(TopicReferences.in(SqlScript.split("CREATE TABLE a (x INT) WITH ('topic-pattern' = 'o.*')", "ddl")))
                .isEmpty();
    }
}
