package io.flinkharness.registry;

/**
 * A schema registry refused a request (unknown subject or version, a schema it rejects) or did not answer. The
 * message names the registry, what was asked, and the likely fix.
 */
public class SchemaRegistryException extends RuntimeException {
    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
