package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.TimeModel;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.results.ResultTable;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Keep-first deduplication on event time ({@code ROW_NUMBER() ... ORDER BY ts ASC = 1}) into an upsert-kafka
 * table: 300 order events over 40 orders, with exact duplicates and events out of order, some beyond the 1-second
 * watermark delay (Flink drops those). Each order ends with the event Flink keeps, written once and never revised.
 */
@FlinkSqlTest
@KafkaTopic(name = "orders")
@KafkaTopic(name = "first_orders")
@SqlScript("sql/orders.sql")
@SqlScript("sql/first-orders.sql")
class DedupKeepFirstTest {

    @Test
    void keepsTheFirstEventOfEachOrder(TestSession session, @Topic("orders") SessionTopic orders) {
        GeneratedData data = DataGenerator.forSchema(session.schemaOf("orders"))
                .seed(3)
                .records(300)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
                .field("order_id", FieldRule.random().distinct(40))
                .field("customer", FieldRule.oneOf("ada", "bob", "cyd"))
                .field("status", FieldRule.oneOf("created", "paid", "shipped"))
                .field("amount", FieldRule.range("1.00", "250.00"))
                .outOfOrder(Duration.ofSeconds(3), 0.2)
                .duplicates(Duplicates.count(30))
                .generate();
        orders.send(data);

        session.run("""
                INSERT INTO first_orders
                SELECT order_id, customer, status, amount, ts
                FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts ASC) AS rn FROM orders)
                WHERE rn = 1""");

        ResultTable firstOrders = session.table("first_orders");
        assertThat(firstOrders).isUniqueBy("order_id").keepsFirstByEventTimeOf(data, "order_id");
        assertThat(firstOrders.changelog()).as("keep-first only inserts").isUniqueBy("order_id");
    }
}
