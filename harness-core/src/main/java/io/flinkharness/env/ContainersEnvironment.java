package io.flinkharness.env;

import io.flinkharness.env.internal.ContainerPlan;
import io.flinkharness.env.internal.FlinkLibJars;
import io.flinkharness.env.internal.PlannedContainers;
import io.flinkharness.env.internal.ReusableNetwork;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Kafka and a Flink session cluster in Docker containers, started with Testcontainers: a Kafka broker (KRaft, one
 * node), a JobManager, {@link ContainersSettings#taskManagers() TaskManagers} and a SQL Gateway from the Flink image,
 * on a Docker network of their own. The Flink containers get Flink's Kafka SQL connector in {@code /opt/flink/lib}
 * ({@code flink-sql-connector-kafka} from the local Maven repository or {@code -Dflinkharness.sql-connector-kafka.jar},
 * else the classpath's {@code flink-connector-kafka}, {@code flink-connector-base} and {@code kafka-clients}).
 *
 * <p>The jobs reach Kafka as {@code kafka:19092} on the containers' network ({@link #jobBootstrapServers()}), the
 * harness through the broker's host-mapped port ({@link #kafkaBootstrapServers()}). Host ports are published on
 * 127.0.0.1 only when Docker runs on this machine. Needs a Docker engine that Testcontainers finds: without one,
 * {@link #start} fails at once. Settings: see {@link ContainersSettings}.
 *
 * <pre>{@code
 * try (FlinkKafkaEnvironment env = ContainersEnvironment.start(ContainersSettings.defaults().withTaskManagers(2));
 *      CaseRunner runner = CaseRunner.on(env)) {
 *     CaseResult result = runner.run(sqlCase);
 * }
 * }</pre>
 */
public final class ContainersEnvironment implements FlinkKafkaEnvironment {
    static final String NO_DOCKER = "no Docker engine found (Testcontainers looked at DOCKER_HOST,"
            + " ~/.testcontainers.properties and the usual sockets such as /var/run/docker.sock): the containers"
            + " environment needs one; use embedded or remote";
    private static final String REUSED_NETWORK = "flink-harness-containers";

    private final ContainersSettings settings;
    private final ContainerPlan plan;
    private final Network network;
    private final PlannedContainers containers;
    private final boolean leftRunning;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ContainersEnvironment(ContainersSettings settings, ContainerPlan plan, boolean reused) {
        this.settings = settings;
        this.plan = plan;
        this.leftRunning = reused;
        this.network = reused ? new ReusableNetwork(REUSED_NETWORK) : Network.newNetwork();
        this.containers = new PlannedContainers(plan, network, reused, settings.startTimeout());
    }

    /**
     * Starts the containers and waits until Kafka, the JobManager (with every TaskManager registered) and the SQL
     * Gateway answer.
     *
     * @throws EnvironmentStartException when there is no Docker engine, the Kafka connector jar is not found, or a
     *     container does not start (with the last lines of the containers' logs); what was started is stopped first
     */
    public static ContainersEnvironment start(ContainersSettings settings) {
        return start(settings, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    static ContainersEnvironment start(ContainersSettings settings, BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            throw new EnvironmentStartException(NO_DOCKER, null);
        }
        List<Path> jars;
        try {
            jars = FlinkLibJars.locate();
        } catch (IllegalStateException e) {
            throw new EnvironmentStartException("cannot give the Flink containers the Kafka connector: "
                    + e.getMessage(), e);
        }
        boolean reused = settings.reuse() && TestcontainersConfiguration.getInstance().environmentSupportsReuse();
        ContainersEnvironment env = new ContainersEnvironment(settings, ContainerPlan.of(settings, jars), reused);
        try {
            env.containers.start();
            return env;
        } catch (RuntimeException e) {
            env.stop();
            throw new EnvironmentStartException("the containers environment did not start within "
                    + settings.startTimeout() + " per container (images " + settings.kafkaImage() + ", "
                    + settings.flinkImage() + "): " + e.getMessage(), e);
        }
    }

    public ContainersSettings settings() {
        return settings;
    }

    @Override
    public String kafkaBootstrapServers() {
        return containers.kafkaBootstrapServers();
    }

    /** {@code kafka:19092}: the broker's listener on the containers' network. */
    @Override
    public String jobBootstrapServers() {
        return plan.jobBootstrapServers();
    }

    @Override
    public URI sqlGatewayUri() {
        return containers.sqlGatewayUri();
    }

    @Override
    public URI flinkRestUri() {
        return containers.flinkRestUri();
    }

    @Override
    public String logLocation() {
        return "the containers' logs (docker logs <id>; " + containers.describe() + "), while they run";
    }

    /**
     * Stops and removes the containers and their network; safe to call twice. Containers that Testcontainers
     * reuses ({@code containers.reuse}) are left running for the next run.
     */
    @Override
    public void close() {
        if (!leftRunning) {
            stop();
        }
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            containers.close();
            network.close();
        }
    }

    @Override
    public String toString() {
        return "ContainersEnvironment[" + containers.describe() + "]";
    }
}
