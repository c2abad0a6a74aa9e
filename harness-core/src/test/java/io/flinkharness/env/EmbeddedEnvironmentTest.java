package io.flinkharness.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.gateway.GatewayUnavailableException;
import io.flinkharness.gateway.SqlGatewayClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import io.flinkharness.internal.Poll;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddedEnvironmentTest {

    @Test
    void startsOnLoopbackAndLeavesNoPortDirectoryOrThreadBehind() {
        Set<Thread> before = liveNonDaemonThreads();
        EmbeddedEnvironment env = EmbeddedEnvironment.start();
        String bootstrap = env.kafkaBootstrapServers();
        URI gateway = env.sqlGatewayUri();
        URI flink = env.flinkRestUri();
        Path storage = env.kafkaStorage();

        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(gateway.getHost()).isEqualTo("127.0.0.1");
        assertThat(flink.getHost()).isEqualTo("127.0.0.1");
        assertThat(SqlGatewayClient.connect(gateway).info()).startsWith("Apache Flink 2.2");
        assertThat(accepts("127.0.0.1", Integer.parseInt(bootstrap.substring(10)))).isTrue();
        assertThat(storage).isDirectory();

        env.close();
        env.close(); // a second close is a no-op

        assertThat(accepts("127.0.0.1", Integer.parseInt(bootstrap.substring(10)))).as("Kafka port open").isFalse();
        assertThat(accepts("127.0.0.1", gateway.getPort())).as("gateway port open").isFalse();
        assertThat(accepts("127.0.0.1", flink.getPort())).as("Flink REST port open").isFalse();
        assertThat(Files.exists(storage)).as("Kafka storage " + storage).isFalse();
        // Netty's global executor thread ends by itself after a quiet second; everything else must be gone now
        Poll.until("non-daemon threads started by the environment to end", Duration.ofSeconds(10), () -> {
            Set<Thread> leaked = liveNonDaemonThreads();
            leaked.removeAll(before);
            return leaked.isEmpty() ? Optional.of(true) : Optional.empty();
        }, () -> {
            Set<Thread> leaked = liveNonDaemonThreads();
            leaked.removeAll(before);
            return leaked.stream().map(Thread::getName).collect(Collectors.toList()).toString();
        });
    }

    @Test
    void aStartThatTimesOutSaysSoAndStopsWhatItStarted() throws IOException {
        Set<Thread> before = liveNonDaemonThreads();
        long storageDirsBefore = kafkaStorageDirs();

        assertThatThrownBy(() -> EmbeddedEnvironment.start(EmbeddedSettings.defaults()
                .withStartTimeout(Duration.ofMillis(1))))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessage("embedded Kafka + Flink environment did not start: not ready within PT0.001S");

        // the parts still starting are stopped as soon as they are up: the broker's storage comes, then goes
        Poll.until("the broker to have begun starting", Duration.ofSeconds(30),
                () -> kafkaStorageDirs() > storageDirsBefore ? Optional.of(true) : Optional.empty(),
                () -> "no new Kafka storage directory");
        Poll.until("the half-started environment to be stopped", Duration.ofSeconds(60), () -> {
            Set<Thread> leaked = liveNonDaemonThreads();
            leaked.removeAll(before);
            return leaked.isEmpty() && kafkaStorageDirs() == storageDirsBefore ? Optional.of(true) : Optional.empty();
        }, () -> "threads " + liveNonDaemonThreads().size() + ", Kafka storage directories " + kafkaStorageDirs());
    }

    private static long kafkaStorageDirs() {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("flink-harness-kafka-")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aGatewayThatDoesNotAnswerGivesOneClearMessage() {
        URI nowhere = URI.create("http://127.0.0.1:" + io.flinkharness.env.internal.FreePorts.next());

        assertThatThrownBy(() -> SqlGatewayClient.connect(nowhere))
                .isInstanceOf(GatewayUnavailableException.class)
                .hasMessage("Flink SQL Gateway at " + nowhere + " did not answer (connection refused)"
                        + " — is it running, and is the address right?");
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
