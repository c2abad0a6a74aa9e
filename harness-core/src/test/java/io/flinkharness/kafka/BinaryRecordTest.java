package io.flinkharness.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BinaryRecordTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void comparesByContentAndPrintsHex() {
        BinaryRecord a = BinaryRecord.of(new byte[] {1}, new byte[] {0, 0x7f, -1}, T0).withPartition(2);
        BinaryRecord b = BinaryRecord.of(new byte[] {1}, new byte[] {0, 0x7f, -1}, T0).withPartition(2);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(BinaryRecord.of(new byte[] {1}, new byte[] {0}, T0).withPartition(2));
        assertThat(a).hasToString("BinaryRecord[key=0x01, value=0x007fff, timestamp=2024-01-01T00:00:00Z,"
                + " partition=OptionalInt[2]]");
    }

    @Test
    void theArraysAreCopiedInAndOut() {
        byte[] value = {1, 2};
        BinaryRecord r = BinaryRecord.of(null, value, T0);
        value[0] = 9;
        r.value()[1] = 9;

        assertThat(r.value()).containsExactly(1, 2);
        assertThat(r.key()).isNull();
    }

    @Test
    void aNegativePartitionIsRefused() {
        assertThatThrownBy(() -> BinaryRecord.of(null, null, T0).withPartition(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partition cannot be negative, got -1");
    }
}
