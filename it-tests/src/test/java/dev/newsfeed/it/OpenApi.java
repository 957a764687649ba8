package dev.newsfeed.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The schemas of docs/openapi.yaml (OpenAPI 3.1: JSON Schema 2020-12), to validate real answers against. */
final class OpenApi {

    private static final JsonNode DOCUMENT = load();

    private OpenApi() {}

    static JsonNode document() {
        return DOCUMENT;
    }

    static void assertValid(String schema, JsonNode value) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + schema);
        root.set("components", DOCUMENT.path("components"));
        JsonSchema json =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        Set<ValidationMessage> errors = json.validate(value);
        assertTrue(
                errors.isEmpty(),
                () -> schema + " does not match docs/openapi.yaml: "
                        + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n"
                        + value);
    }

    private static JsonNode load() {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/openapi.yaml");
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
