package io.flinkharness.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.env.internal.FreePorts;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real registry (Apicurio's Confluent-compatible API), one registry for the class. */
class SchemaRegistryClientTest {
    private static final String ORDER_V1 = """
            {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]}""";
    private static final String ORDER_V2 = """
            {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"},
              {"name": "note", "type": ["null", "string"], "default": null}]}""";

    private static EmbeddedSchemaRegistry registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start();
        client = SchemaRegistryClient.connect(registry.url());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameId() {
        int first = client.register("same-value", ORDER_V1);
        int again = client.register("same-value", ORDER_V1);

        assertThat(again).isEqualTo(first);
        assertThat(client.latest("same-value")).isEqualTo(new RegisteredSchema("same-value", 1, first, ORDER_V1));
    }

    @Test
    void latestIsTheNewestVersionAndOlderVersionsStayReadable() {
        int v1 = client.register("orders-value", ORDER_V1);
        int v2 = client.register("orders-value", ORDER_V2);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(client.latest("orders-value")).isEqualTo(new RegisteredSchema("orders-value", 2, v2, ORDER_V2));
        assertThat(client.version("orders-value", 1)).isEqualTo(new RegisteredSchema("orders-value", 1, v1, ORDER_V1));
        assertThat(client.subjects()).contains("orders-value");
    }

    @Test
    void subjectsWithAnyCharacterWork() {
        int id = client.register("odd name/with slash-value", ORDER_V1);

        assertThat(client.latest("odd name/with slash-value").id()).isEqualTo(id);
        assertThat(client.subjects()).contains("odd name/with slash-value");
    }

    @Test
    void anUnknownSubjectListsTheSubjectsThere() {
        client.register("known-value", ORDER_V1);

        assertThatThrownBy(() -> client.latest("nosuch-value"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("subject 'nosuch-value' not found in schema registry " + registry.url() + " (subjects there: "
                        + String.join(", ", client.subjects()) + "): register the schema first or check the subject name");
    }

    @Test
    void anUnknownVersionListsTheVersionsThere() {
        client.register("versions-value", ORDER_V1);
        client.register("versions-value", ORDER_V2);

        assertThatThrownBy(() -> client.version("versions-value", 7))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("subject 'versions-value' has no version 7 in schema registry " + registry.url()
                        + " (versions there: 1, 2): use one of them, or latest(\"versions-value\")");
    }

    @Test
    void aSchemaIsFoundByTheIdTheWireFormatCarries() {
        int id = client.register("by-id-value", ORDER_V2);

        assertThat(new org.apache.avro.Schema.Parser().parse(client.schemaById(id)))
                .isEqualTo(new org.apache.avro.Schema.Parser().parse(ORDER_V2));
    }

    @Test
    void anUnknownIdIsNamed() {
        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry " + registry.url() + " has no schema with id 987654 (HTTP 404, error code"
                        + " 40403) — was the record written through another registry?");
    }

    @Test
    void versionZeroIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.version("orders-value", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version must be at least 1, got 0 — use latest(subject) for the newest version");
    }

    @Test
    void anInvalidSchemaGivesTheRegistrysMessage() {
        String notAvro = """
                {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "strin"}]}""";

        assertThatThrownBy(() -> client.register("bad-value", notAvro))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry " + registry.url() + " rejected the schema for subject 'bad-value': Failed"
                        + " to discover artifact type from content. (HTTP 422, error code 42201) — is it a valid Avro"
                        + " schema (JSON)?");
        assertThat(client.subjects()).doesNotContain("bad-value");
    }

    @Test
    void aRegistryThatIsNotRunningIsNamedWithTheFix() {
        URI nothing = URI.create("http://127.0.0.1:" + FreePorts.next() + "/apis/ccompat/v7");

        assertThatThrownBy(() -> SchemaRegistryClient.connect(nothing))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry " + nothing + " did not answer (connection refused): start it"
                        + " (EmbeddedSchemaRegistry.start()) or check the URL — for Apicurio Registry 3 it is"
                        + " http://HOST:PORT/apis/ccompat/v7");
    }

    @Test
    void aUrlWithoutTheCompatibilityPathSaysWhereTheApiIs() {
        URI root = registry.url().resolve("/");

        assertThatThrownBy(() -> SchemaRegistryClient.connect(root))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("no schema registry API at " + root.toString().replaceAll("/$", "") + ": GET "
                        + root.toString().replaceAll("/$", "") + "/subjects answered HTTP 404 — check the URL (for"
                        + " Apicurio Registry 3 it ends in /apis/ccompat/v7)");
    }
}
