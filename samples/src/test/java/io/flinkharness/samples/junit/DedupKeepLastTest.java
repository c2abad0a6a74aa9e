package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Placement;
import io.flinkharness.data.TimeModel;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Keep-last deduplication on event time ({@code ROW_NUMBER() ... ORDER BY ts DESC = 1}): the latest status of each
 * order, as an upsert-kafka table. The orders are spread over 2 partitions by key, so all events of an order stay in
 * order relative to each other; Flink drops nothing here, it updates the row whenever a later event comes.
 */
@FlinkSqlTest
@KafkaTopic(name = "orders", partitions = 2)
@KafkaTopic(name = "latest_orders")
@SqlScript("sql/orders.sql")
@SqlScript("sql/latest-orders.sql")
class DedupKeepLastTest {

    @Test
    void keepsTheLatestEventOfEachOrder(TestSession session, @Topic("orders") SessionTopic orders) {
        GeneratedData data = DataGenerator.forSchema(session.schemaOf("orders"))
                .seed(8)
                .records(300)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
                .field("order_id", FieldRule.random().distinct(40))
                .field("customer", FieldRule.oneOf("ada", "bob", "cyd"))
                .field("status", FieldRule.oneOf("created", "paid", "shipped", "cancelled"))
                .field("amount", FieldRule.range("1.00", "250.00"))
                .outOfOrder(Duration.ofSeconds(3), 0.2)
                .duplicates(Duplicates.count(30))
                .placement(Placement.keyHash(2))
                .generate();
        orders.send(data);

        session.run("""
                INSERT INTO latest_orders
                SELECT order_id, customer, status, amount, ts
                FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn FROM orders)
                WHERE rn = 1""");

        assertThat(session.table("latest_orders")).isUniqueBy("order_id").keepsLastByEventTimeOf(data, "order_id");
    }
}
