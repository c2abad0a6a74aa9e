package io.flinkharness.env.internal;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;

/**
 * A Docker network found (or created once) by its name and never removed, so that containers reused by
 * Testcontainers find it again: a network made anew for every run would change their configuration, and they would
 * never match. Not part of the public API.
 */
public final class ReusableNetwork implements Network {
    private final String name;
    private String id;

    public ReusableNetwork(String name) {
        this.name = name;
    }

    @Override
    public synchronized String getId() {
        if (id == null) {
            DockerClient client = DockerClientFactory.instance().client();
            id = client.listNetworksCmd().withNameFilter(name).exec().stream()
                    .filter(n -> name.equals(n.getName()))
                    .map(com.github.dockerjava.api.model.Network::getId)
                    .findFirst()
                    .orElseGet(() -> client.createNetworkCmd().withName(name).exec().getId());
        }
        return id;
    }

    /** Leaves the network for the next run, like the reused containers on it. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "ReusableNetwork[" + name + "]";
    }
}
