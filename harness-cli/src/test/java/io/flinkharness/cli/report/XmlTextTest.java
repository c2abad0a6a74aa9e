package io.flinkharness.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {
    @Test
    void removesTerminalColoursAndLinks() {
        assertThat(XmlText.clean("\u001B[1;31mFAIL\u001B[0m \u001B]8;;https://x\u0007link\u001B]8;;\u0007"))
                .isEqualTo("FAIL link");
    }

    @Test
    void keepsTabsAndLineBreaksAndDropsOtherControlCharacters() {
        assertThat(XmlText.clean("a\tb\r\nc\u0000\u0008\u000B\u007F\u0085\uFFFE\uFFFF\uDC00d \uD83D\uDE00"))
                .isEqualTo("a\tb\r\ncd \uD83D\uDE00");
    }

    @Test
    void firstLineIsTheFirstThatIsNotBlank() {
        assertThat(XmlText.firstLine("\n  \n  \u001B[31mwhile submitting\u001B[0m: x  \nmore")).isEqualTo("while submitting: x");
        assertThat(XmlText.firstLine(null)).isEmpty();
    }
}
