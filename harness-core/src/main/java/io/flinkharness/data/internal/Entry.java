package io.flinkharness.data.internal;

import io.flinkharness.data.RecordLabel;

/** One record while the generator arranges them (mutable, internal). */
final class Entry {
    final Object[] values;
    final long eventMillis;
    final RecordLabel.Origin origin;
    boolean displaced;
    int partition = -1;
    Entry duplicateOf;
    long arrivalKey;
    long arrival;

    Entry(Object[] values, long eventMillis, RecordLabel.Origin origin) {
        this.values = values;
        this.eventMillis = eventMillis;
        this.origin = origin;
        this.arrivalKey = eventMillis;
    }
}
