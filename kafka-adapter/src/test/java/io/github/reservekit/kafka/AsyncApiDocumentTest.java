package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.github.reservekit.kafka.internal.ReservationWire;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The topic's AsyncAPI 3.0 document ({@code reservekit/asyncapi.yaml}, served at {@code /asyncapi.yaml}) is checked
 * in the build: it parses with the AsyncAPI initiative's Java model (unknown members refused), every reference
 * resolves, its example events validate against the shipped JSON Schemas and its header schema, and it agrees with
 * the records the adapter writes.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "reservekit/asyncapi.yaml";
    private static final URI BASE = URI.create("classpath:/" + DOCUMENT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TYPES = Set.of(
            ReservationWire.PLACED_V1,
            ReservationWire.CANCELLED_V1,
            ReservationWire.REJECTED_V1,
            ReservationWire.CONFIRMED_V1,
            ReservationWire.RESCHEDULED_V1,
            ReservationWire.RESOURCE_DEFINED_V1);

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static JsonNode document() throws IOException {
        try (InputStream in = resource(DOCUMENT)) {
            return YAML.readTree(in);
        }
    }

    private static InputStream resource(String name) {
        var in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name + " on the class path").isNotNull();
        return in;
    }

    @Test
    void it_parses_as_an_asyncapi_3_document_with_no_unknown_member() throws IOException {
        var strict = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = resource(DOCUMENT)) {
            var asyncApi = strict.readValue(in, AsyncAPI.class);

            assertThat(asyncApi.getAsyncapi()).isEqualTo("3.0.0");
            assertThat(asyncApi.getChannels()).containsOnlyKeys("reserve");
            assertThat(asyncApi.getOperations()).hasSize(2);
            assertThat(asyncApi.getComponents().getMessages()).hasSize(TYPES.size());
        }
    }

    @Test
    void every_reference_resolves() throws IOException {
        var document = document();
        var refs = new ArrayList<String>();
        collectRefs(document, refs);

        assertThat(refs).as("the document uses references").hasSizeGreaterThan(10);
        for (String ref : refs) {
            var target = ref.startsWith("#") ? document : external(ref);
            String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            assertThat(target.at(fragment).isMissingNode())
                    .as(ref + " resolves")
                    .isFalse();
        }
    }

    @Test
    void the_messages_are_the_event_types_with_their_shipped_schemas() throws IOException {
        var messages = document().path("components").path("messages");
        var names = StreamSupport.stream(messages.spliterator(), false)
                .map(message -> message.path("name").asText())
                .collect(Collectors.toSet());

        assertThat(names).isEqualTo(TYPES);
        messages.forEach(
                message -> assertThat(message.path("payload").path("$ref").asText())
                        .isEqualTo("../schemas/" + message.path("name").asText() + ".json"));
    }

    @Test
    void every_example_event_validates_against_its_schemas() throws IOException {
        var document = document();
        var headers = factory.getSchema(
                SchemaLocation.of("classpath:" + DOCUMENT + "#/components/schemas/CloudEventHeaders"), config);
        int examples = 0;
        for (JsonNode message : document.path("components").path("messages")) {
            String type = message.path("name").asText();
            var payload = factory.getSchema(SchemaLocation.of("classpath:schemas/" + type + ".json"), config);
            for (JsonNode example : message.path("examples")) {
                examples++;
                assertThat(payload.validate(example.path("payload")))
                        .as(type + " payload")
                        .isEmpty();
                assertThat(headers.validate(example.path("headers")))
                        .as(type + " headers")
                        .isEmpty();
                assertThat(example.path("headers").path("ce_type").asText()).isEqualTo(type);
                var payloadSubject = example.path("payload").has("reservationId")
                        ? example.path("payload").path("reservationId")
                        : example.path("payload").path("resourceId"); // resource.defined.v1 is about a resource
                assertThat(example.path("headers").path("ce_subject").asText()).isEqualTo(payloadSubject.asText());
                assertThat(example.path("headers").path("ce_dataschema").asText())
                        .isEqualTo(ReservationWire.dataSchema(type).toString())
                        .isEqualTo(external("../schemas/" + type + ".json")
                                .path("$id")
                                .asText());
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_records_the_adapter_writes_fit_the_documented_headers_and_key() {
        JsonSchema headers = factory.getSchema(
                SchemaLocation.of("classpath:" + DOCUMENT + "#/components/schemas/CloudEventHeaders"), config);
        JsonSchema key = factory.getSchema(
                SchemaLocation.of("classpath:" + DOCUMENT + "#/components/schemas/ResourceIdKey"), config);
        for (var event : List.of(WireContract.PLACED, WireContract.CANCELLED)) {
            var record = ReservationWire.toRecord("reserve", URI.create("/reservekit"), event);
            Map<String, String> written = WireContract.headers(record.headers());

            assertThat(headers.validate(new ObjectMapper().valueToTree(written)))
                    .isEmpty();
            assertThat(key.validate(new ObjectMapper().getNodeFactory().textNode(record.key())))
                    .isEmpty();
        }
    }

    private static JsonNode external(String ref) {
        String path = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        String resource = BASE.resolve(path).getPath().substring(1);
        try (InputStream in = resource(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new AssertionError(ref + " is not readable JSON", unreadable);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                if (member.getKey().equals("$ref")) {
                    refs.add(member.getValue().asText());
                } else {
                    collectRefs(member.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
