package io.flinkharness.env.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A Kafka broker in a JVM of its own (for {@link io.flinkharness.env.local.LocalProcessCluster}): starts the
 * broker, writes its bootstrap servers to the file given as the first argument (atomically, once it answers),
 * and runs until the process is stopped. Not part of the public API.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: KafkaBrokerMain <file to write the bootstrap servers to>");
            System.exit(2);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(Duration.ofSeconds(60));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-broker-stop"));
        Path ready = Path.of(args[0]);
        Path partial = ready.resolveSibling(ready.getFileName() + ".partial");
        Files.writeString(partial, kafka.bootstrapServers(), StandardCharsets.UTF_8);
        Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Kafka broker ready at " + kafka.bootstrapServers());
    }
}
