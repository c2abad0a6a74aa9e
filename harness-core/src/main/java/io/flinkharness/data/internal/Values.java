package io.flinkharness.data.internal;

import java.nio.ByteBuffer;

/** Small helpers on generated values. */
final class Values {
    private Values() {
    }

    /** A key with value equality for sets: byte arrays compare by content. */
    static Object hashable(Object v) {
        return v instanceof byte[] b ? ByteBuffer.wrap(b.clone()) : v;
    }
}
