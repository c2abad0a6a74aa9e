package io.flinkharness.cli.generate;

import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.kafka.KafkaOperationException;
import io.flinkharness.kafka.TestRecordProducer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * An existing topic of a real Kafka cluster that generated records are produced to. Before anything is written it
 * checks that the topic exists and has the partitions the records are placed in, so a wrong name fails at once
 * with the fix instead of a producer timing out.
 */
final class KafkaTarget {
    private static final long TIMEOUT_SECONDS = 15;

    private final String bootstrapServers;
    private final String topic;

    KafkaTarget(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Writes the records in order with their partitions and timestamps; returns once all are acknowledged. */
    void produce(TopicRecords records) {
        checkPartitions(records.data().partitions());
        try (TestRecordProducer producer = TestRecordProducer.connect(bootstrapServers)) {
            producer.send(topic, records.encoded());
        } catch (KafkaOperationException e) {
            throw new CommandException(ExitCodes.ENVIRONMENT, e.getMessage(), e);
        }
    }

    private void checkPartitions(int needed) {
        int partitions = partitions();
        if (partitions < needed) {
            throw new CommandException(ExitCodes.BAD_INPUT, "topic '" + topic + "' on " + bootstrapServers + " has "
                    + partitions + " partition" + (partitions == 1 ? "" : "s") + " but the records go to partitions"
                    + " 0.." + (needed - 1) + " — give a topic with at least " + needed + " partitions");
        }
    }

    private int partitions() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        try (Admin admin = Admin.create(config)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new CommandException(ExitCodes.BAD_INPUT, "topic '" + topic + "' does not exist on "
                        + bootstrapServers + " — create it first (generate writes only to existing topics)", e);
            }
            throw unreachable(e.getCause());
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private CommandException unreachable(Throwable cause) {
        return new CommandException(ExitCodes.ENVIRONMENT, "cannot reach Kafka at " + bootstrapServers + " within "
                + TIMEOUT_SECONDS + " s: " + cause + " — check --bootstrap-servers", cause);
    }
}
