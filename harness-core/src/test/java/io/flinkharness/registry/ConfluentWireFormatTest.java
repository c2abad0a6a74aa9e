package io.flinkharness.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void encodeWritesTheMagicByteTheIdBigEndianAndThePayload() {
        byte[] message = ConfluentWireFormat.encode(0x01020304, new byte[] {10, 20, 30});

        assertThat(message).containsExactly(0, 1, 2, 3, 4, 10, 20, 30);
    }

    @Test
    void schemaIdAndPayloadReadBackWhatEncodeWrote() {
        byte[] message = ConfluentWireFormat.encode(1_000_000, new byte[] {7, -1});

        assertThat(ConfluentWireFormat.schemaId(message)).isEqualTo(1_000_000);
        assertThat(ConfluentWireFormat.payload(message)).containsExactly(7, -1);
    }

    @Test
    void anEmptyPayloadIsAHeaderAlone() {
        byte[] message = ConfluentWireFormat.encode(5, new byte[0]);

        assertThat(message).hasSize(5);
        assertThat(ConfluentWireFormat.schemaId(message)).isEqualTo(5);
        assertThat(ConfluentWireFormat.payload(message)).isEmpty();
    }

    @Test
    void aMessageShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Confluent wire format message: 3 byte(s), but the header alone (magic byte 0 and"
                        + " 4-byte schema id) takes 5");
    }

    @Test
    void aWrongMagicByteIsRejected() {
        byte[] json = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentWireFormat.payload(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Confluent wire format message: it starts with byte 0x7b, expected the magic byte"
                        + " 0x00 — was it written without a schema registry serializer?");
    }
}
