package io.flinkharness.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestRecordTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void textAndBytesAreTheSameRecordWhenTheBytesAreTheText() {
        TestRecord text = TestRecord.of("k", "{}", T0);
        TestRecord bytes = TestRecord.ofBytes(new byte[] {'k'}, new byte[] {'{', '}'}, T0);

        assertThat(bytes).isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(bytes.value()).isEqualTo("{}");
        assertThat(text.valueBytes()).containsExactly('{', '}');
    }

    @Test
    void encodedBytesAreCopiedAndShownInHex() {
        byte[] value = {0, 1, (byte) 0xff};
        TestRecord record = TestRecord.ofBytes(null, value, T0).withPartition(1);
        value[0] = 9;

        assertThat(record.valueBytes()).containsExactly(0, 1, 0xff);
        assertThat(record.key()).isNull();
        assertThat(record).hasToString("TestRecord[key=null, value=3 bytes 0x0001ff, timestamp=2024-01-01T00:00:00Z,"
                + " partition=OptionalInt[1], headers={}]");
    }
}
