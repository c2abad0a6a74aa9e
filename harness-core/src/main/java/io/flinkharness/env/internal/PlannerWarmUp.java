package io.flinkharness.env.internal;

import io.flinkharness.gateway.GatewaySession;
import io.flinkharness.gateway.SqlGatewayClient;
import java.net.URI;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Warms the table planner so that the first real case does not pay for loading and JIT-compiling it.
 *
 * <p>{@link #inProcess()} needs no cluster: it plans and translates a representative statement (Kafka + JSON
 * tables, an event-time TUMBLE window, a ROW_NUMBER deduplication) in this JVM, which loads the planner's
 * classes into the planner class loader that the embedded gateway's sessions share. It runs from the first
 * moment, while Kafka and Flink boot. {@link #gateway(URI)} then opens one gateway session, which warms the
 * gateway's own path. Nothing connects to Kafka: statements are only planned.
 */
public final class PlannerWarmUp {
    private static final String SOURCE = "CREATE TEMPORARY TABLE warm_up_source (k STRING, v BIGINT, ts TIMESTAMP(3),"
            + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = 'warm-up',"
            + " 'properties.bootstrap.servers' = '127.0.0.1:9', 'scan.startup.mode' = 'earliest-offset',"
            + " 'scan.bounded.mode' = 'latest-offset', 'format' = 'json')";
    private static final String SINK = "CREATE TEMPORARY TABLE warm_up_sink (k STRING, window_start TIMESTAMP(3),"
            + " n BIGINT, total BIGINT) WITH ('connector' = 'kafka', 'topic' = 'warm-up-out',"
            + " 'properties.bootstrap.servers' = '127.0.0.1:9', 'format' = 'json',"
            + " 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'warm-up')";
    private static final String UPSERT_SINK = "CREATE TEMPORARY TABLE warm_up_upsert (k STRING, v BIGINT,"
            + " PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'warm-up-upsert',"
            + " 'properties.bootstrap.servers' = '127.0.0.1:9', 'key.format' = 'json', 'value.format' = 'json')";
    private static final String WINDOW = "INSERT INTO warm_up_sink SELECT k, window_start, COUNT(*), SUM(v)"
            + " FROM TABLE(TUMBLE(TABLE warm_up_source, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
            + " GROUP BY k, window_start, window_end";
    private static final String DEDUP = "INSERT INTO warm_up_upsert SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER"
            + " (PARTITION BY k ORDER BY ts ASC) AS rn FROM warm_up_source) WHERE rn = 1";

    private PlannerWarmUp() {
    }

    /** Plans and translates the representative statements in this JVM. */
    public static void inProcess() {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.executeSql(SOURCE);
        tables.executeSql(SINK);
        tables.executeSql(UPSERT_SINK);
        tables.explainSql(WINDOW, ExplainDetail.JSON_EXECUTION_PLAN);
        tables.explainSql(DEDUP, ExplainDetail.JSON_EXECUTION_PLAN);
    }

    /** Opens a gateway session and runs a DDL statement in it. */
    public static void gateway(URI gatewayUri) {
        try (GatewaySession session = SqlGatewayClient.connect(gatewayUri)
                .openSession("flink-sql-harness warm-up", Map.of())) {
            session.execute(SOURCE);
        }
    }
}
