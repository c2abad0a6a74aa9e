package io.flinkharness.env.internal;

import io.flinkharness.gateway.GatewaySession;
import io.flinkharness.gateway.SqlGatewayClient;
import java.net.URI;
import java.util.Map;

/**
 * Plans a representative statement (Kafka + JSON tables, an event-time TUMBLE window) through the gateway, so
 * that the planner's classes are loaded and its code is warm before the first real case. Runs while Kafka
 * boots; it only plans, so nothing connects to Kafka.
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
    private static final String PLAN = "EXPLAIN INSERT INTO warm_up_sink SELECT k, window_start, COUNT(*), SUM(v)"
            + " FROM TABLE(TUMBLE(TABLE warm_up_source, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
            + " GROUP BY k, window_start, window_end";
    private static final String DEDUP = "EXPLAIN SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k"
            + " ORDER BY ts ASC) AS rn FROM warm_up_source) WHERE rn = 1";

    private PlannerWarmUp() {
    }

    public static void run(URI gatewayUri) {
        SqlGatewayClient client = SqlGatewayClient.connect(gatewayUri);
        try (GatewaySession session = client.openSession("flink-sql-harness warm-up", Map.of())) {
            session.execute(SOURCE);
            session.execute(SINK);
            session.execute(PLAN);
            session.execute(DEDUP);
        }
    }
}
