package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The OpenAPI 3.1 document of the HTTP API (reservation-http's {@code reservekit/openapi.yaml}, the file both shells
 * serve at {@code /openapi.yaml}) as a check of responses: the path, method and status must be documented, the
 * media type must be one the document names, a JSON body must be valid against the document's schema (JSON Schema
 * 2020-12 with OpenAPI's vocabulary, formats asserted), and the required headers must be there. An error on a path
 * or method the document does not have must still be a valid problem. The shells' own paths (health, metrics) are
 * not part of the API and are not checked. Thread-safe.
 */
public final class OpenApiContract {

    /** The document on the class path. */
    public static final String DOCUMENT = "reservekit/openapi.yaml";

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SPEC = read();

    private final List<String> frameworkPaths;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** @param frameworkPaths paths of the shell that are not the API's (e.g. {@code /actuator/health}), unchecked */
    public OpenApiContract(List<String> frameworkPaths) {
        this.frameworkPaths = List.copyOf(frameworkPaths);
    }

    /** The parsed document. */
    public static JsonNode document() {
        return SPEC.deepCopy();
    }

    /** Checks one response the API gave. @throws AssertionError naming what the document does not allow */
    public void check(ApiClient.Response response) {
        var request = response.raw().request();
        check(
                request.method(),
                request.uri().getPath(),
                response.status(),
                response.mediaType(),
                response.raw().headers().map(),
                response.body());
    }

    /**
     * Checks one response.
     *
     * @param mediaType the response's media type without parameters, empty when none
     * @throws AssertionError naming what the document does not allow
     */
    public void check(
            String method, String path, int status, String mediaType, Map<String, List<String>> headers, String body) {
        String what = method + " " + path + " answered " + status;
        if (frameworkPaths.stream().anyMatch(own -> path.equals(own) || path.startsWith(own + "/"))) {
            return;
        }
        var template = template(path);
        var operation = template.map(t -> SPEC.path("paths").path(t).path(method.toLowerCase(Locale.ROOT)));
        if (operation.isEmpty() || operation.get().isMissingNode()) {
            assertThat(status)
                    .as(what + ": not in the document, so it may only fail")
                    .isGreaterThanOrEqualTo(400);
            assertThat(mediaType).as(what + ": media type").isEqualTo("application/problem+json");
            validate(PROBLEM, body, what);
            return;
        }
        var responses = operation.get().path("responses");
        var documented = responses.has(Integer.toString(status))
                ? responses.get(Integer.toString(status))
                : responses.path("default");
        if (documented.isMissingNode()) {
            fail(what + ", a status the document does not give for " + method + " " + template.get());
        }
        documented = resolve(documented);
        documented.path("headers").properties().forEach(header -> {
            var spec = resolve(header.getValue());
            var values = headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(header.getKey()))
                    .flatMap(h -> h.getValue().stream())
                    .toList();
            if (spec.path("required").asBoolean(false)) {
                assertThat(values)
                        .as(what + ": required header " + header.getKey())
                        .isNotEmpty();
            }
            values.forEach(value -> validate(spec.path("schema"), headerValue(spec.path("schema"), value), what));
        });
        var content = documented.path("content");
        if (content.isEmpty()) {
            return;
        }
        assertThat(content.has(mediaType))
                .as(what + " as '" + mediaType + "', the document allows " + names(content))
                .isTrue();
        var schema = content.path(mediaType).path("schema");
        if (mediaType.endsWith("json") && !mediaType.equals("application/schema+json")) {
            validate(schema, parse(body, what), what);
        }
    }

    private void validate(String ref, String body, String what) {
        validate(JSON.createObjectNode().put("$ref", ref), parse(body, what), what);
    }

    private void validate(JsonNode schema, JsonNode value, String what) {
        String ref = schema.path("$ref").asText("");
        var errors = ref.isEmpty()
                ? factory.getSchema(schema, config).validate(value)
                : schema(ref).validate(value);
        assertThat(errors)
                .as(what + ": breaks the OpenAPI document (" + (ref.isEmpty() ? schema : ref) + "): " + value)
                .isEmpty();
    }

    private JsonSchema schema(String ref) {
        return schemas.computeIfAbsent(
                ref, r -> factory.getSchema(SchemaLocation.of("classpath:" + DOCUMENT + r), config));
    }

    private static JsonNode headerValue(JsonNode schema, String value) {
        if (schema.path("type").asText().equals("integer")) {
            try {
                return JSON.getNodeFactory().numberNode(Long.parseLong(value.strip()));
            } catch (NumberFormatException notANumber) {
                return JSON.getNodeFactory().textNode(value);
            }
        }
        return JSON.getNodeFactory().textNode(value);
    }

    /** The document's path template for a request path: a literal path first, then the one with fewest parameters. */
    private static Optional<String> template(String path) {
        return StreamSupport.stream(SPEC.path("paths").properties().spliterator(), false)
                .map(Map.Entry::getKey)
                .filter(template ->
                        Pattern.matches(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"), path))
                .min(Comparator.comparingLong(
                        template -> template.chars().filter(c -> c == '{').count()));
    }

    private static JsonNode resolve(JsonNode node) {
        var ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? SPEC.at(ref.substring(1)) : node;
    }

    private static List<String> names(JsonNode node) {
        return StreamSupport.stream(node.properties().spliterator(), false)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw new AssertionError(what + ": the body is not JSON: " + body, notJson);
        }
    }

    private static JsonNode read() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path (reservation-http)");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
