package io.flinkharness.kafka;

import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.RetriableException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
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

    private KafkaTopics(KafkaConnection connection) {
        this.bootstrapServers = connection.toString();
        this.admin = Admin.create(connection.clientConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS,
                // new topics take a few milliseconds to get leaders: retry soon, not after the default 100 ms
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 5,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 50)));
    }

    public static KafkaTopics connect(String bootstrapServers) {
        return connect(KafkaConnection.to(bootstrapServers));
    }

    /** Topics on the cluster of the connection, with its client settings (security, ...). */
    public static KafkaTopics connect(KafkaConnection connection) {
        return new KafkaTopics(connection);
    }

    /** Creates a topic with replication factor 1 and unlimited retention, see {@link #create(Map)}. */
    public void create(String topic, int partitions) {
        create(Map.of(topic, partitions));
    }

    /**
     * Creates topics (name to partition count) with replication factor 1 and unlimited retention, and returns
     * once every partition's leader serves requests: a producer that writes right after creation would
     * otherwise meet NOT_LEADER_OR_FOLLOWER while the broker takes over leadership.
     */
    public void create(Map<String, Integer> topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        topics.forEach((topic, count) -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("topic " + topic + ": partitions must be at least 1, got " + count);
            }
            newTopics.add(new NewTopic(topic, count, (short) 1).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                    TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime")));
            for (int p = 0; p < count; p++) {
                partitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        });
        if (newTopics.isEmpty()) {
            return;
        }
        await("create topics " + topics.keySet(), () -> admin.createTopics(newTopics).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        awaitLeaders(topics.keySet(), partitions);
    }

    /**
     * Waits until the broker's metadata lists the topics, then until their partition leaders answer ListOffsets
     * (served by partition leaders only): from then on producers can write.
     */
    private void awaitLeaders(Collection<String> topics, Map<TopicPartition, OffsetSpec> partitions) {
        AtomicReference<String> last = new AtomicReference<>("no answer yet");
        try {
            Poll.until("leaders for every partition of " + topics, Duration.ofMillis(TIMEOUT_MS), () -> {
                try {
                    if (!brokerListsAll(topics, last)) {
                        return Optional.empty();
                    }
                    admin.listOffsets(partitions).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    return Optional.of(Boolean.TRUE);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RetriableException) {
                        last.set(e.getCause().getMessage());
                        return Optional.empty();
                    }
                    throw new KafkaOperationException("cannot find the leaders of " + topics + " on "
                            + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException | TimeoutException e) {
                    throw new KafkaOperationException("cannot find the leaders of " + topics + " on "
                            + bootstrapServers + ": " + e, e);
                }
            }, last::get);
        } catch (ConditionTimeoutException e) {
            throw new KafkaOperationException(e.getMessage() + " — is the broker overloaded?", e);
        }
    }

    /** Whether the broker's metadata lists every topic yet; asking before that makes the admin client log errors. */
    private boolean brokerListsAll(Collection<String> topics, AtomicReference<String> last)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> known = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!known.containsAll(topics)) {
            last.set("the broker's metadata does not list " + topics.stream().filter(t -> !known.contains(t)).toList() + " yet");
            return false;
        }
        return true;
    }

    /** Which of the given topics exist on the broker. */
    public Set<String> existing(Collection<String> topics) {
        try {
            Set<String> all = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Set<String> found = new TreeSet<>(topics);
            found.retainAll(all);
            return found;
        } catch (ExecutionException e) {
            throw new KafkaOperationException("cannot list topics on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new KafkaOperationException("cannot list topics on " + bootstrapServers + " within "
                    + TIMEOUT_MS + " ms — is the broker running?", e);
        }
    }

    /**
     * Asks the broker to delete topics and returns at once; the deletion finishes in the background (or when
     * this is closed). For clean-up that no caller waits on.
     */
    public void deleteInBackground(Collection<String> topics) {
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics);
        }
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
