package io.flinkharness.data.internal;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.Struct;
import java.util.List;

/**
 * Hands an encoder the fields it expects from a whole record: picks {@code from} (the record's column names) and
 * names them {@code to} (e.g. key fields without {@code 'key.fields-prefix'}). Not part of the public API.
 */
final class RenamingEncoder implements RecordEncoder {
    private final RecordEncoder delegate;
    private final List<String> from;
    private final Struct.Factory shape;

    RenamingEncoder(RecordEncoder delegate, List<String> from, List<String> to) {
        this.delegate = delegate;
        this.from = List.copyOf(from);
        this.shape = Struct.factory(to);
    }

    @Override
    public byte[] encode(Struct struct) {
        if (struct == null) {
            return delegate.encode(null);
        }
        Object[] values = new Object[from.size()];
        for (int i = 0; i < values.length; i++) {
            if (!struct.has(from.get(i))) {
                throw new FieldValueException(from.get(i), "is missing from the struct, which has fields "
                        + struct.fieldNames());
            }
            values[i] = struct.get(from.get(i));
        }
        return delegate.encode(shape.create(values));
    }
}
