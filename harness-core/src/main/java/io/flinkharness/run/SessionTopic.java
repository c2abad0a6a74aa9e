package io.flinkharness.run;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.kafka.TestRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A Kafka topic a {@link TestSession} created and owns: its SQL writes {@code ${topic.LOGICAL}} and gets the
 * physical name, unique to the session. Send input to it, or read what a job wrote to it (read_committed).
 *
 * <pre>{@code
 * SessionTopic clicks = session.createTopic("clicks", 2);
 * clicks.send(generatedClicks);
 * List<OutputRecord> written = session.topic("clicks_per_window").read();
 * }</pre>
 */
public final class SessionTopic {
    private final TestSession session;
    private final String logicalName;
    private final String name;
    private final int partitions;
    private long recordsSent;
    private OptionalLong seed = OptionalLong.empty();

    SessionTopic(TestSession session, String logicalName, String name, int partitions) {
        this.session = session;
        this.logicalName = logicalName;
        this.name = name;
        this.partitions = partitions;
    }

    /** The topic's name in Kafka, e.g. {@code clicks-counts-per-window-3f2a9c}. */
    public String name() {
        return name;
    }

    /** The name the test gave it, e.g. {@code clicks}: SQL refers to it as {@code ${topic.clicks}}. */
    public String logicalName() {
        return logicalName;
    }

    public int partitions() {
        return partitions;
    }

    /** Sends the records in order; returns once Kafka acknowledged every one. */
    public SessionTopic send(TestRecord... records) {
        return send(Arrays.asList(records));
    }

    /** Sends the records in order; returns once Kafka acknowledged every one. */
    public SessionTopic send(List<TestRecord> records) {
        Objects.requireNonNull(records, "records cannot be null");
        session.send(this, records);
        counted(records.size());
        return this;
    }

    /**
     * Sends generated records, encoded in the formats of the table the data was generated for (an
     * {@code avro-confluent} table registers its schema in the environment's registry first). A failing test
     * reports the seed, so the same records can be generated again.
     */
    public SessionTopic send(GeneratedData data) {
        Objects.requireNonNull(data, "data cannot be null");
        if (data.partitions() > partitions) {
            throw new IllegalArgumentException("the data was generated for " + data.partitions() + " partitions but"
                    + " topic '" + logicalName + "' has " + partitions + " — generate it with partitions("
                    + partitions + ") or create the topic with more partitions");
        }
        session.send(this, session.encode(data));
        synchronized (this) {
            seed = OptionalLong.of(data.seed());
        }
        counted(data.size());
        return this;
    }

    private synchronized void counted(long n) {
        recordsSent += n;
    }

    /** Every committed record of the topic, from the start up to the end (waits for open transactions). */
    public List<OutputRecord> read() {
        return session.read(name);
    }

    /** How many records the test sent to it. */
    public synchronized long recordsSent() {
        return recordsSent;
    }

    /** The seed of the generated data sent last, if any. */
    public synchronized OptionalLong seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "topic " + logicalName + " (" + name + ", " + partitions + (partitions == 1 ? " partition" : " partitions")
                + ")";
    }
}
