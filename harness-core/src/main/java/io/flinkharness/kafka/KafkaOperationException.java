package io.flinkharness.kafka;

/** A Kafka operation of the harness failed; the message names the operation, the broker and the cause. */
public class KafkaOperationException extends RuntimeException {
    public KafkaOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
