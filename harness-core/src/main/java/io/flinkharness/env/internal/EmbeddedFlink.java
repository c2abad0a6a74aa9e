package io.flinkharness.env.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.gateway.rest.SqlGatewayRestEndpoint;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

/**
 * A Flink session cluster (MiniCluster) in this JVM with an embedded SQL Gateway REST endpoint, both bound to
 * 127.0.0.1 on free ports. The gateway submits jobs to the MiniCluster through its REST API, exactly as a
 * standalone gateway submits to a remote session cluster.
 */
public final class EmbeddedFlink implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final java.time.Duration METRIC_REFRESH = java.time.Duration.ofMillis(100);

    private MiniCluster miniCluster;
    private SessionManager sessionManager;
    private SqlGatewayRestEndpoint gateway;
    private URI flinkRestUri;
    private URI gatewayUri;
    private boolean closed;

    private EmbeddedFlink() {
    }

    public static EmbeddedFlink start(int taskSlots) {
        EmbeddedFlink flink = new EmbeddedFlink();
        try {
            flink.startCluster(taskSlots);
            flink.startGateway();
            return flink;
        } catch (Exception e) {
            flink.close();
            throw new IllegalStateException("cannot start the embedded Flink session: " + e.getMessage(), e);
        }
    }

    public URI flinkRestUri() {
        return flinkRestUri;
    }

    public URI sqlGatewayUri() {
        return gatewayUri;
    }

    private void startCluster(int taskSlots) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, LOOPBACK);
        conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, taskSlots);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        // watermarks, late-record counts and source offsets are metrics: tests wait on them, so keep them fresh
        // (the default refreshes every 10 s)
        conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRIC_REFRESH);
        // job details and checkpoint counts are cached for web.refresh-interval (3 s by default): a wait for a
        // job's tasks to run or for its next checkpoint would see them seconds late
        conf.set(WebOptions.REFRESH_INTERVAL, METRIC_REFRESH);
        conf.set(RestOptions.CACHE_CHECKPOINT_STATISTICS_TIMEOUT, METRIC_REFRESH);
        // enough checkpoint history to count the checkpoints between an input and its visible output
        conf.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 100);
        UserCodeClassLoading.configure(conf);
        miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(taskSlots)
                .build());
        miniCluster.start();
        flinkRestUri = miniCluster.getRestAddress().get(30, TimeUnit.SECONDS);
    }

    private void startGateway() throws Exception {
        Configuration sessionDefaults = new Configuration();
        sessionDefaults.set(DeploymentOptions.TARGET, "remote");
        sessionDefaults.set(RestOptions.ADDRESS, flinkRestUri.getHost());
        sessionDefaults.set(RestOptions.PORT, flinkRestUri.getPort());
        UserCodeClassLoading.configure(sessionDefaults);
        sessionManager = SessionManager.create(new DefaultContext(sessionDefaults, List.of()));
        sessionManager.start();

        Configuration endpoint = new Configuration();
        endpoint.set(RestOptions.ADDRESS, LOOPBACK);
        endpoint.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        endpoint.set(RestOptions.BIND_PORT, "0");
        gateway = new SqlGatewayRestEndpoint(endpoint, new SqlGatewayServiceImpl(sessionManager));
        gateway.start();
        InetSocketAddress address = gateway.getServerAddress();
        gatewayUri = URI.create("http://" + LOOPBACK + ":" + address.getPort());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            if (gateway != null) {
                gateway.stop();
            }
        } catch (Exception e) {
            failure = new IllegalStateException("cannot stop the embedded SQL Gateway", e);
        }
        try {
            if (sessionManager != null) {
                sessionManager.stop();
            }
        } catch (Exception e) {
            failure = addTo(failure, new IllegalStateException("cannot stop the SQL Gateway sessions", e));
        }
        try {
            if (miniCluster != null) {
                miniCluster.close();
            }
        } catch (Exception e) {
            failure = addTo(failure, new IllegalStateException("cannot stop the Flink MiniCluster", e));
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException addTo(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
