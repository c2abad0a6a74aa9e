package io.flinkharness.cli.report;

import java.util.regex.Pattern;

/**
 * Text made fit for XML 1.0 and HTML: terminal colour codes (ANSI escape sequences) and every character XML 1.0
 * cannot hold (control characters other than tab, line feed and carriage return, lone surrogates, U+FFFE, U+FFFF)
 * are removed, and so are DEL and the C1 controls, which XML allows but HTML does not. Escaping is left to the
 * writer.
 *
 * <pre>{@code
 * XmlText.clean("\033[31mFAIL\033[0m\007")   // "FAIL"
 * }</pre>
 */
public final class XmlText {
    /** CSI sequences (colours, cursor moves) and OSC sequences (titles, links), as terminals read them. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-_]?");

    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String noAnsi = ANSI.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(noAnsi.length());
        noAnsi.codePoints().filter(XmlText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The first line of the cleaned text that is not blank, stripped; empty if none. */
    public static String firstLine(String text) {
        return clean(text).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static boolean allowed(int c) {
        boolean xml = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        boolean deleteOrC1Control = c >= 0x7F && c <= 0x9F;
        return xml && !deleteOrC1Control;
    }
}
