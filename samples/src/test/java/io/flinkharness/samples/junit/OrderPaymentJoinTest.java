package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.junit.FlinkSqlExtension;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.RunnerSettings;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Orders joined with their payments, with the extension registered in code to give every test's session its own
 * settings: mini-batch aggregation on (as the production job runs) and a shorter checkpoint interval. An interval
 * join keeps the orders paid within 10 minutes; a regular join feeds the running total each customer has paid.
 */
@KafkaTopic(name = "shop_orders")
@KafkaTopic(name = "payments")
@SqlScript("sql/orders-payments.sql")
class OrderPaymentJoinTest {
    @RegisterExtension
    static final FlinkSqlExtension FLINK = FlinkSqlExtension.builder()
            .timeout(Duration.ofSeconds(90))
            .runnerSettings(RunnerSettings.defaults()
                    .withCheckpointInterval(Duration.ofMillis(50))
                    .withSessionOption("table.exec.mini-batch.enabled", "true")
                    .withSessionOption("table.exec.mini-batch.allow-latency", "200 ms")
                    .withSessionOption("table.exec.mini-batch.size", "100"))
            .build();

    /** The same orders and payments for every test: o1, o4 paid in time, o2 late, o3 unpaid, p5 for no order. */
    @BeforeEach
    void ordersAndPayments(@Topic("shop_orders") SessionTopic orders, @Topic("payments") SessionTopic payments) {
        orders.send(order("o1", "ada", "120.00", "10:00:00"), order("o2", "bob", "80.00", "10:01:00"),
                order("o3", "ada", "45.50", "10:02:00"), order("o4", "cyd", "300.00", "10:03:00"));
        payments.send(payment("p1", "o1", "120.00", "10:04:00"), payment("p3", "o4", "150.00", "10:05:00"),
                payment("p5", "o9", "10.00", "10:06:00"), payment("p4", "o4", "150.00", "10:12:00"),
                payment("p2", "o2", "80.00", "10:15:00"));
    }

    @Test
    @KafkaTopic(name = "paid_orders")
    @SqlScript("sql/paid-orders.sql")
    void ordersPaidWithinTenMinutes(TestSession session) {
        session.run("""
                INSERT INTO paid_orders
                SELECT o.order_id, o.customer, o.amount, p.pay_ts
                FROM shop_orders o JOIN payments p ON o.order_id = p.order_id
                  AND p.pay_ts BETWEEN o.order_ts AND o.order_ts + INTERVAL '10' MINUTE""");

        assertThat(session.table("paid_orders")).containsExactlyRowsInAnyOrder(
                Row.of("order_id", "o1", "customer", "ada", "amount", "120.00", "paid_at", "2024-01-01 10:04:00"),
                Row.of("order_id", "o4", "customer", "cyd", "amount", "300.00", "paid_at", "2024-01-01 10:05:00"),
                Row.of("order_id", "o4", "customer", "cyd", "amount", "300.00", "paid_at", "2024-01-01 10:12:00"));
    }

    @Test
    @KafkaTopic(name = "customer_totals")
    @SqlScript("sql/customer-totals.sql")
    void totalPaidPerCustomer(TestSession session) {
        session.run("""
                INSERT INTO customer_totals
                SELECT o.customer, COUNT(*), SUM(p.paid)
                FROM shop_orders o JOIN payments p ON o.order_id = p.order_id
                GROUP BY o.customer""");

        assertThat(session.table("customer_totals")).isUniqueBy("customer").containsExactlyRowsInAnyOrder(
                Row.of("customer", "ada", "payments", 1, "total_paid", "120.00"),
                Row.of("customer", "bob", "payments", 1, "total_paid", "80.00"),
                Row.of("customer", "cyd", "payments", 2, "total_paid", "300.00"));
    }

    private static TestRecord order(String id, String customer, String amount, String time) {
        return TestRecord.of(id, "{\"order_id\": \"" + id + "\", \"customer\": \"" + customer + "\", \"amount\": "
                + amount + ", \"order_ts\": \"2024-01-01 " + time + "\"}", at(time));
    }

    private static TestRecord payment(String id, String orderId, String paid, String time) {
        return TestRecord.of(orderId, "{\"payment_id\": \"" + id + "\", \"order_id\": \"" + orderId + "\", \"paid\": "
                + paid + ", \"pay_ts\": \"2024-01-01 " + time + "\"}", at(time));
    }

    private static Instant at(String time) {
        return Instant.parse("2024-01-01T" + time + "Z");
    }
}
