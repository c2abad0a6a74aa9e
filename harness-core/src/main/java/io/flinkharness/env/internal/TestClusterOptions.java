package io.flinkharness.env.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * The Flink options every session cluster the harness starts as processes or containers shares: a lost TaskManager
 * is noticed within seconds, metrics, job details and checkpoint statistics are fresh enough to wait on, the SQL
 * Gateway submits to the JobManager, and user code is loaded as in the embedded cluster. Not part of the public API.
 */
public final class TestClusterOptions {
    private TestClusterOptions() {
    }

    public static Map<String, String> common() {
        Map<String, String> c = new LinkedHashMap<>();
        // a lost TaskManager is noticed within seconds, not the default 50
        c.put("heartbeat.interval", "1000");
        c.put("heartbeat.timeout", "5000");
        // watermarks, drops and checkpoints fresh enough to wait on
        c.put("metrics.fetcher.update-interval", "100");
        c.put("web.refresh-interval", "100");
        c.put("rest.cache.checkpoint-statistics.timeout", "100 ms");
        c.put("web.checkpoints.history", "100");
        c.put("execution.target", "remote");
        Configuration loading = new Configuration();
        UserCodeClassLoading.configure(loading);
        c.putAll(loading.toMap());
        return c;
    }
}
