package io.flinkharness.run;

/** How the records of an output topic make up the result rows. */
public enum OutputMode {
    /** Every record is a row (tombstones and retractions are skipped). */
    APPEND,
    /** The last value per key is the row; a tombstone deletes the key. */
    UPSERT,
    /**
     * The changes a changelog format ({@code debezium-json}, {@code canal-json}, {@code maxwell-json}) carries,
     * applied: inserts and updates add a row, retractions and deletes remove one.
     */
    RETRACT,
    /**
     * Every change is a row, with its kind in the first column {@code op} ({@code +I}, {@code -U}, {@code +U},
     * {@code -D}); for an upsert topic a record is {@code +I} for a new key, {@code +U} after that, a tombstone
     * {@code -D}.
     */
    CHANGELOG
}
