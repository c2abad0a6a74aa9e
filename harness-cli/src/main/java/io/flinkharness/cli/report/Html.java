package io.flinkharness.cli.report;

import java.util.Locale;

/**
 * The one escaping helper of the HTML report: text (cleaned by {@link XmlText}) with {@code & < > " '} replaced by
 * character references, safe in element content and in quoted attribute values, in HTML and in inline SVG.
 *
 * <pre>{@code
 * html.append("<pre>").append(Html.escape(result.message())).append("</pre>");
 * }</pre>
 */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        String clean = XmlText.clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate or length for SVG: one decimal, a dot whatever the locale. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
