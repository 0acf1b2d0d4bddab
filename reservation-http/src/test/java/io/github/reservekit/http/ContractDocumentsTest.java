package io.github.reservekit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The contracts as files: what each shell serves, and nothing else of the class path. */
class ContractDocumentsTest {

    @Test
    void the_openapi_document_loads_in_swagger_parser_as_openapi_3_1_without_a_message() {
        var yaml = new String(
                ContractDocuments.find(ContractDocuments.OPENAPI).orElseThrow().content(), StandardCharsets.UTF_8);
        var options = new ParseOptions();
        options.setResolve(true);

        var result = new OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths())
                .containsKeys("/reservations", "/reservations/{id}", "/reservations/events", "/openapi.yaml");
    }

    @Test
    void the_openapi_document_is_found_as_yaml() {
        // The AsyncAPI document and the schemas are kafka-adapter's; the contract suite fetches them from each shell.
        assertThat(ContractDocuments.find("/openapi.yaml").orElseThrow().mediaType())
                .isEqualTo("application/yaml");
    }

    @Test
    void nothing_else_of_the_class_path_is_served() {
        assertThat(ContractDocuments.find("/schemas/../reservekit/openapi.yaml"))
                .isEmpty();
        assertThat(ContractDocuments.find("/schemas/io.github.reservekit.reservation.placed.v1.json/../x"))
                .isEmpty();
        assertThat(ContractDocuments.find("/application.yml")).isEmpty();
        assertThat(ContractDocuments.find("/schemas/io.github.reservekit.reservation.unknown.v1.json"))
                .isEmpty();
    }
}
