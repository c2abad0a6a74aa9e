package io.flinkharness.results.internal;

import java.util.List;
import org.apache.flink.table.data.RowData;

/**
 * Reads the bytes of a Kafka key or value into Flink's internal rows: none (a message the format skips), one,
 * or several (a changelog format's update is {@code -U} and {@code +U}). Not thread-safe. Not part of the
 * public API.
 */
public interface FormatDecoder {
    /** The rows of one message, with their kinds. */
    List<RowData> decode(byte[] message);

    /** Whether the format carries changes other than inserts (debezium-json, canal-json, maxwell-json). */
    boolean isChangelog();
}
