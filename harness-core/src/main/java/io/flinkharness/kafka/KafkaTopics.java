package io.flinkharness.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates and deletes test topics. Topics are created with unlimited retention: Kafka judges retention by
 * record timestamp, and test data stamped in 1970 or 2020 would otherwise be deleted at the first check.
 *
 * <pre>{@code
 * try (KafkaTopics topics = KafkaTopics.connect(env.kafkaBootstrapServers())) {
 *     topics.create("orders-3f2a", 4);
 * }
 * }</pre>
 */
public final class KafkaTopics implements AutoCloseable {
    private static final long TIMEOUT_MS = 30_000;

    private final Admin admin;
    private final String bootstrapServers;

    private KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS));
    }

    public static KafkaTopics connect(String bootstrapServers) {
        return new KafkaTopics(bootstrapServers);
    }

    /** Creates a topic with replication factor 1 and unlimited retention, and waits until it exists. */
    public void create(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + topic + ": partitions must be at least 1, got " + partitions);
        }
        NewTopic newTopic = new NewTopic(topic, partitions, (short) 1).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"));
        await("create topic " + topic, () -> admin.createTopics(List.of(newTopic)).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    /** Deletes topics; a topic that does not exist is ignored. */
    public void delete(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.deleteTopics(topics).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                throw new KafkaOperationException("cannot delete topics " + topics + " on " + bootstrapServers
                        + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new KafkaOperationException("cannot delete topics " + topics + " on " + bootstrapServers
                    + " within " + TIMEOUT_MS + " ms", e);
        }
    }

    private interface KafkaCall {
        void run() throws Exception;
    }

    private void await(String what, KafkaCall call) {
        try {
            call.run();
        } catch (ExecutionException e) {
            throw new KafkaOperationException("cannot " + what + " on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaOperationException("cannot " + what + " on " + bootstrapServers + ": no answer within "
                    + TIMEOUT_MS + " ms — is the broker running?", e);
        } catch (Exception e) {
            throw new KafkaOperationException("cannot " + what + " on " + bootstrapServers + ": " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
