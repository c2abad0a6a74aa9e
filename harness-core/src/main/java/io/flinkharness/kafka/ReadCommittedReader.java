package io.flinkharness.kafka;

import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning up to its end with {@code isolation.level=read_committed}: only records of
 * committed transactions are returned, exactly what a downstream exactly-once consumer would see.
 *
 * <p>"The end" is the last stable offset once no transaction is open on the topic: the reader first waits
 * (up to the limit) for open transactions to be committed or aborted, then reads every partition up to that
 * offset. It never sleeps a fixed time.
 *
 * <p>Thread-safe: reads from several threads take turns.
 *
 * <pre>{@code
 * try (ReadCommittedReader reader = ReadCommittedReader.connect(env.kafkaBootstrapServers())) {
 *     List<OutputRecord> out = reader.readToEnd("order_counts-3f2a", Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class ReadCommittedReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final String bootstrapServers;

    private ReadCommittedReader(KafkaConnection connection) {
        this.bootstrapServers = connection.toString();
        this.consumer = new KafkaConsumer<>(connection.clientConfig(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(connection.clientConfig(Map.of()));
    }

    public static ReadCommittedReader connect(String bootstrapServers) {
        return connect(KafkaConnection.to(bootstrapServers));
    }

    /** A reader with the connection's client settings (security, ...). */
    public static ReadCommittedReader connect(KafkaConnection connection) {
        return new ReadCommittedReader(connection);
    }

    /**
     * Returns every committed record of the topic, by partition then offset.
     *
     * @throws KafkaOperationException if the topic does not exist, or a transaction stays open past the limit
     */
    public synchronized List<OutputRecord> readToEnd(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> end = awaitStableEnd(topic, partitions, timeout);
        return readUpTo(topic, partitions, end, deadline);
    }

    /**
     * Returns every record committed so far, up to the topic's last stable offsets now, without waiting for open
     * transactions: what a read_committed consumer sees at this moment while a job keeps writing.
     *
     * @throws KafkaOperationException if the topic does not exist
     */
    public synchronized List<OutputRecord> readCommitted(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = partitions(topic);
        return readUpTo(topic, partitions, offsets(partitions, IsolationLevel.READ_COMMITTED), deadline);
    }

    /**
     * The topic's last stable offsets and high watermarks now: where they differ, a transaction is open and the
     * records past the last stable offset are not visible to read_committed consumers yet.
     */
    public synchronized TopicEnds ends(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        Map<Integer, Long> stable = new LinkedHashMap<>();
        Map<Integer, Long> high = new LinkedHashMap<>();
        offsets(partitions, IsolationLevel.READ_COMMITTED).forEach((tp, o) -> stable.put(tp.partition(), o));
        offsets(partitions, IsolationLevel.READ_UNCOMMITTED).forEach((tp, o) -> high.put(tp.partition(), o));
        return new TopicEnds(topic, stable, high);
    }

    private List<OutputRecord> readUpTo(String topic, List<TopicPartition> partitions, Map<TopicPartition, Long> end,
                                        long deadline) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<OutputRecord> records = new ArrayList<>();
        Poll.until("topic " + topic + " to be read up to its last stable offsets " + end, remaining(deadline), () -> {
            if (partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                return Optional.of(Boolean.TRUE);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(toOutput(r));
                }
            }
            return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))
                    ? Optional.of(Boolean.TRUE) : Optional.empty();
        }, () -> "read " + records.size() + " records, positions " + positions(partitions));
        consumer.unsubscribe();
        records.sort(Comparator.comparingInt(OutputRecord::partition).thenComparingLong(OutputRecord::offset));
        return records;
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new KafkaOperationException("topic " + topic + " does not exist on " + bootstrapServers
                    + " — declare it in the case's topics", null);
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).collect(Collectors.toList());
    }

    private Map<TopicPartition, Long> awaitStableEnd(String topic, List<TopicPartition> partitions, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("no offsets yet");
        try {
            return Poll.until("no open transaction on topic " + topic, timeout, () -> {
                Map<TopicPartition, Long> stable = offsets(partitions, IsolationLevel.READ_COMMITTED);
                Map<TopicPartition, Long> high = offsets(partitions, IsolationLevel.READ_UNCOMMITTED);
                last.set("last stable offsets " + stable + ", high watermarks " + high);
                return stable.equals(high) ? Optional.of(stable) : Optional.empty();
            }, last::get);
        } catch (ConditionTimeoutException e) {
            throw new KafkaOperationException(e.getMessage() + " — a transaction is still open: the exactly-once"
                    + " sink commits at checkpoints, so check that checkpointing is on and the job's checkpoints"
                    + " complete", e);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> result = new LinkedHashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        } catch (Exception e) {
            throw new KafkaOperationException("cannot list offsets of " + partitions + " on " + bootstrapServers
                    + ": " + e.getMessage(), e);
        }
    }

    private Map<Integer, Long> positions(List<TopicPartition> partitions) {
        Map<Integer, Long> positions = new HashMap<>();
        partitions.forEach(tp -> positions.put(tp.partition(), consumer.position(tp)));
        return positions;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    private static OutputRecord toOutput(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), text(h.value())));
        return OutputRecord.ofBytes(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                Instant.ofEpochMilli(r.timestamp()), headers);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
        admin.close();
    }
}
