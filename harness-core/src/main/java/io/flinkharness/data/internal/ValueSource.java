package io.flinkharness.data.internal;

/** Produces the value of one field for one record. */
@FunctionalInterface
public interface ValueSource {
    /**
     * @param index the record's generation index (0-based; base records first, then explicit, late and trailing)
     * @param eventMillis the record's event time
     */
    Object next(long index, long eventMillis);
}
