package io.flinkharness.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes {@link TestRecord}s (text or bytes) with their key, value, headers, partition and timestamp
 * exactly as given. Sends are asynchronous and flushed once per batch, so a thousand records take milliseconds,
 * not seconds.
 *
 * <pre>{@code
 * try (TestRecordProducer producer = TestRecordProducer.connect(env.kafkaBootstrapServers())) {
 *     producer.send("orders-3f2a", records);
 * }
 * }</pre>
 */
public final class TestRecordProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String bootstrapServers;

    private TestRecordProducer(KafkaConnection connection) {
        this.bootstrapServers = connection.toString();
        this.producer = new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 29_000)),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static TestRecordProducer connect(String bootstrapServers) {
        return connect(KafkaConnection.to(bootstrapServers));
    }

    /** A producer with the connection's client settings (security, ...). */
    public static TestRecordProducer connect(KafkaConnection connection) {
        return new TestRecordProducer(connection);
    }

    /** Sends the records in order and returns once every one is acknowledged. */
    public void send(String topic, List<TestRecord> records) {
        sendAll(topic, records.stream().map(r -> toProducerRecord(topic, r)).toList());
    }

    private void sendAll(String topic, List<ProducerRecord<byte[], byte[]>> records) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (ProducerRecord<byte[], byte[]> r : records) {
            producer.send(r, (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new KafkaOperationException("cannot write " + records.size() + " records to topic " + topic
                    + " on " + bootstrapServers + ": " + failure.get().getMessage(), failure.get());
        }
    }

    private static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, TestRecord r) {
        List<Header> headers = new ArrayList<>();
        r.headers().forEach((k, v) -> headers.add(new RecordHeader(k, v == null ? null : bytes(v))));
        Integer partition = r.partition().isPresent() ? r.partition().getAsInt() : null;
        return new ProducerRecord<>(topic, partition, r.timestamp().toEpochMilli(), r.rawKey(), r.rawValue(),
                headers);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
