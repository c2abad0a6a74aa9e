package io.flinkharness.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets (passwords, JAAS configurations, tokens, private keys) out of messages, logs and reports. Not part of
 * the public API.
 */
public final class Secrets {
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|secret|jaas\\.config|token|credential|ssl\\.key\\.|keystore\\.key|private).*");
    public static final String MASK = "******";

    private Secrets() {
    }

    /** Whether a setting's value is a secret, judged by its key. */
    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** The settings sorted by key, with secret values masked. */
    public static Map<String, String> masked(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> out.put(k, isSecret(k) ? MASK : v));
        return out;
    }

    /**
     * The text with every secret value of the settings replaced by the mask, also where it stands quoted in a SQL
     * string literal ({@code '} doubled).
     */
    public static String redact(String text, Map<String, String> settings) {
        String out = text;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (isSecret(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                out = out.replace(e.getValue().replace("'", "''"), MASK).replace(e.getValue(), MASK);
            }
        }
        return out;
    }
}
