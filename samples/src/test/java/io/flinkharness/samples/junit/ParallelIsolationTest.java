package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A filter and projection (euro payments of 1,000 or more go to the fraud desk), tested by several methods that
 * run at the same time. They all name their topics {@code payments} and {@code large_payments} and create the same
 * tables, yet each gets its own Kafka topics, gateway session and job, so each sees exactly its own output.
 */
@FlinkSqlTest
@Execution(ExecutionMode.CONCURRENT)
@KafkaTopic(name = "payments", partitions = 2)
@KafkaTopic(name = "large_payments")
@SqlScript("sql/payments-filter.sql")
class ParallelIsolationTest {
    private static final String LARGE_EURO_PAYMENTS = """
            INSERT INTO large_payments
            SELECT payment_id, account, amount FROM payments WHERE currency = 'EUR' AND amount >= 1000""";
    private static final List<String> KAFKA_TOPICS = new CopyOnWriteArrayList<>();

    @AfterEach
    void noteTheTopics(TestSession session) {
        session.topics().forEach(topic -> KAFKA_TOPICS.add(topic.name()));
    }

    @AfterAll
    static void noTwoTestsSharedATopic() {
        assertThat(KAFKA_TOPICS).doesNotHaveDuplicates();
    }

    @Test
    void largeEuroPaymentsPass(TestSession session, @Topic("payments") SessionTopic payments) {
        payments.send(payment("p1", "acc-1", "2500.00", "EUR", 0), payment("p2", "acc-2", "1000.00", "EUR", 1));

        session.run(LARGE_EURO_PAYMENTS);

        assertThat(session.table("large_payments")).containsExactlyRowsInAnyOrder(
                Row.of("payment_id", "p1", "account", "acc-1", "amount", "2500.00"),
                Row.of("payment_id", "p2", "account", "acc-2", "amount", "1000.00"));
    }

    @Test
    void smallPaymentsAreLeftOut(TestSession session, @Topic("payments") SessionTopic payments) {
        payments.send(payment("p1", "acc-1", "999.99", "EUR", 0), payment("p2", "acc-1", "1200.00", "EUR", 1),
                payment("p3", "acc-3", "5.00", "EUR", 1));

        session.run(LARGE_EURO_PAYMENTS);

        assertThat(session.table("large_payments")).containsExactlyRows(
                Row.of("payment_id", "p2", "account", "acc-1", "amount", "1200.00"));
    }

    @Test
    void otherCurrenciesAreLeftOut(TestSession session, @Topic("payments") SessionTopic payments) {
        payments.send(payment("p1", "acc-7", "5000.00", "USD", 0), payment("p2", "acc-8", "3000.00", "GBP", 1));

        session.run(LARGE_EURO_PAYMENTS);

        assertThat(session.table("large_payments")).hasRowCount(0);
    }

    @Test
    void manyPaymentsFromOneAccount(TestSession session, @Topic("payments") SessionTopic payments) {
        List<TestRecord> hundredToTwoThousand = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            hundredToTwoThousand.add(payment("p" + i, "acc-9", i * 100 + ".00", "EUR", i % 2));
        }
        payments.send(hundredToTwoThousand);

        session.run(LARGE_EURO_PAYMENTS);

        assertThat(session.table("large_payments")).columns("payment_id").containsExactlyRowsInAnyOrder(
                IntStream.rangeClosed(10, 20).mapToObj(i -> Row.of("payment_id", "p" + i)).toList());
    }

    private static TestRecord payment(String id, String account, String amount, String currency, int partition) {
        return TestRecord.of(account, "{\"payment_id\": \"" + id + "\", \"account\": \"" + account
                + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\"}").withPartition(partition);
    }
}
