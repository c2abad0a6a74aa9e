package io.flinkharness.env.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.flinkharness.internal.RestJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The Testcontainers containers of a {@link ContainerPlan}: made, started all at once (Kafka, the JobManager, the
 * TaskManagers and the SQL Gateway boot in parallel; the JobManager counts as started once every TaskManager has
 * registered), and stopped. Not part of the public API.
 */
public final class PlannedContainers implements AutoCloseable {
    private static final int LOG_LINES = 15;

    private final ContainerPlan plan;
    private final Network network;
    private final KafkaContainer kafka;
    private final GenericContainer<?> jobManager;
    private final List<GenericContainer<?>> taskManagers = new ArrayList<>();
    private final GenericContainer<?> sqlGateway;

    /**
     * @param network the Docker network of all containers
     * @param reuse whether Testcontainers may reuse running containers of the same configuration
     * @param startTimeout how long each container may take to answer once it runs
     */
    public PlannedContainers(ContainerPlan plan, Network network, boolean reuse, Duration startTimeout) {
        this.plan = plan;
        this.network = network;
        boolean loopbackOnly = ContainerPlan.bindsLoopbackOnly(DockerClientFactory.instance().dockerHostIpAddress());
        this.kafka = configure(new KafkaContainer(DockerImageName.parse(plan.kafka().image())
                .asCompatibleSubstituteFor("apache/kafka")), plan.kafka(), reuse, loopbackOnly)
                .withListener(plan.kafkaNetworkListener())
                .withStartupTimeout(startTimeout);
        this.jobManager = configure(new FlinkContainer(plan.jobManager().image()), plan.jobManager(), reuse,
                loopbackOnly).waitingFor(jobManagerWithTaskManagers(plan.taskManagers().size(), startTimeout));
        plan.taskManagers().forEach(spec -> taskManagers.add(configure(new FlinkContainer(spec.image()), spec,
                reuse, loopbackOnly).waitingFor(Wait.forLogMessage(".*Starting Task Manager.*", 1)
                .withStartupTimeout(startTimeout))));
        this.sqlGateway = configure(new FlinkContainer(plan.sqlGateway().image()), plan.sqlGateway(), reuse,
                loopbackOnly).waitingFor(Wait.forHttp("/v3/info").forPort(ContainerPlan.SQL_GATEWAY_PORT)
                .withStartupTimeout(startTimeout));
    }

    private <C extends GenericContainer<C>> C configure(C container, ContainerSpec spec, boolean reuse,
                                                       boolean loopbackOnly) {
        container.withNetwork(network)
                .withNetworkAliases(spec.networkAliases().toArray(String[]::new))
                .withEnv(spec.environment())
                .withExposedPorts(spec.exposedPorts().toArray(Integer[]::new))
                .withReuse(reuse);
        if (!spec.command().isEmpty()) {
            container.withCommand(spec.command().toArray(String[]::new));
        }
        spec.copiedFiles().forEach((target, file) ->
                container.withCopyFileToContainer(MountableFile.forHostPath(file, 0644), target));
        if (loopbackOnly) {
            container.withCreateContainerCmdModifier(PlannedContainers::publishOnLoopback);
        }
        return container;
    }

    /** Publishes the container's ports on 127.0.0.1 only, not on every interface of the machine. */
    private static void publishOnLoopback(CreateContainerCmd command) {
        HostConfig hostConfig = command.getHostConfig();
        if (hostConfig == null || hostConfig.getPortBindings() == null) {
            return;
        }
        Ports loopback = new Ports();
        hostConfig.getPortBindings().getBindings().forEach((port, bindings) -> {
            for (Ports.Binding binding : bindings == null ? new Ports.Binding[0] : bindings) {
                loopback.bind(port, new Ports.Binding("127.0.0.1", binding.getHostPortSpec()));
            }
        });
        hostConfig.withPortBindings(loopback);
    }

    private static WaitStrategy jobManagerWithTaskManagers(int taskManagers, Duration timeout) {
        return Wait.forHttp("/overview").forPort(ContainerPlan.REST_PORT)
                .forResponsePredicate(body -> registeredTaskManagers(body) >= taskManagers)
                .withStartupTimeout(timeout);
    }

    static int registeredTaskManagers(String overview) {
        try {
            JsonNode json = RestJson.MAPPER.readTree(overview);
            return json.path("taskmanagers").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Starts every container at once and waits until each answers.
     *
     * @throws IllegalStateException naming the containers that did not start, with the last lines of their logs
     */
    public void start() {
        try {
            Startables.deepStart(all()).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(causes(cause) + "\n" + logsOfTheStarted(), cause);
        }
    }

    private String logsOfTheStarted() {
        return byName().entrySet().stream()
                .filter(e -> e.getValue().getContainerId() != null)
                .map(e -> "last lines of " + e.getKey() + " (" + shortId(e.getValue().getContainerId()) + "):\n"
                        + lastLines(e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String lastLines(GenericContainer<?> container) {
        try {
            List<String> lines = container.getLogs().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
        } catch (RuntimeException e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    private static String causes(Throwable t) {
        List<String> messages = new ArrayList<>();
        for (Throwable c = t; c != null && messages.size() < 4; c = c.getCause()) {
            messages.add(String.valueOf(c.getMessage()));
        }
        return String.join(": ", messages);
    }

    private Map<String, GenericContainer<?>> byName() {
        Map<String, GenericContainer<?>> byName = new java.util.LinkedHashMap<>();
        byName.put(plan.kafka().name(), kafka);
        byName.put(plan.jobManager().name(), jobManager);
        for (int i = 0; i < taskManagers.size(); i++) {
            byName.put(plan.taskManagers().get(i).name(), taskManagers.get(i));
        }
        byName.put(plan.sqlGateway().name(), sqlGateway);
        return byName;
    }

    private List<GenericContainer<?>> all() {
        return new ArrayList<>(byName().values());
    }

    /** Bootstrap servers of the broker's host-mapped listener. */
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    public URI flinkRestUri() {
        return URI.create("http://" + jobManager.getHost() + ":" + jobManager.getMappedPort(ContainerPlan.REST_PORT));
    }

    public URI sqlGatewayUri() {
        return URI.create("http://" + sqlGateway.getHost() + ":"
                + sqlGateway.getMappedPort(ContainerPlan.SQL_GATEWAY_PORT));
    }

    /** The containers' ids, by role, for messages. */
    public String describe() {
        return byName().entrySet().stream().map(e -> e.getKey() + "=" + shortId(e.getValue().getContainerId()))
                .collect(Collectors.joining(", "));
    }

    private static String shortId(String id) {
        return id == null ? "not created" : id.substring(0, Math.min(12, id.length()));
    }

    /** A container of the Flink image. */
    private static final class FlinkContainer extends GenericContainer<FlinkContainer> {
        FlinkContainer(String image) {
            super(DockerImageName.parse(image));
        }
    }

    /** Stops the gateway and the TaskManagers before the JobManager and Kafka; safe to call twice. */
    @Override
    public void close() {
        List<GenericContainer<?>> running = all();
        Collections.reverse(running);
        running.forEach(c -> {
            try {
                c.stop();
            } catch (RuntimeException e) {
                // already gone
            }
        });
    }
}
