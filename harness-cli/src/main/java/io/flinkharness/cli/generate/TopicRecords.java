package io.flinkharness.cli.generate;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.kafka.TestRecord;
import java.util.List;
import java.util.Objects;

/**
 * The generated records of one topic of a case, encoded as the topic's table would read them.
 *
 * @param topic the topic as the case declares it
 * @param data the generated records with their labels, in produce order
 * @param encoded the same records as Kafka records (key, value, timestamp, partition), in the same order
 * @param keyFormat the format the keys are in ({@code json}, {@code avro}, ...), or empty when records have none
 * @param valueFormat the format the values are in
 */
record TopicRecords(String topic, GeneratedData data, List<TestRecord> encoded, String keyFormat,
        String valueFormat) {

    TopicRecords {
        Objects.requireNonNull(topic, "topic cannot be null");
        encoded = List.copyOf(encoded);
        if (encoded.size() != data.size()) {
            throw new IllegalArgumentException(encoded.size() + " encoded records for " + data.size() + " generated");
        }
    }

    GeneratedRecord generated(int index) {
        return data.records().get(index);
    }
}
