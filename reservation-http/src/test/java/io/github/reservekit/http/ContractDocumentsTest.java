package io.github.reservekit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                .containsKeys(
                        "/reservations", "/reservations/{id}", "/reservations/events", "/reservekit/openapi.yaml");
    }

    @Test
    void the_openapi_document_declares_the_hosts_security_and_the_owner_only_refusal_of_each_change() {
        var yaml = new String(
                ContractDocuments.find(ContractDocuments.OPENAPI).orElseThrow().content(), StandardCharsets.UTF_8);
        var openApi = new OpenAPIV3Parser()
                .readContents(yaml, null, new ParseOptions())
                .getOpenAPI();

        // Every operation inherits it (Redocly's security-defined rule); {} leaves anonymous calls to the host to
        // allow.
        assertThat(openApi.getSecurity()).isNotEmpty();
        assertThat(openApi.getComponents().getSecuritySchemes()).containsKeys("hostBasic", "hostBearer");
        var reservation = openApi.getPaths().get("/reservations/{id}");
        var confirm = openApi.getPaths().get("/reservations/{id}/confirm").getPost();
        for (var change : List.of(reservation.getDelete(), reservation.getPatch(), confirm)) {
            assertThat(change.getResponses()).as(change.getOperationId()).containsKey("403");
        }
    }

    @Test
    void the_page_sends_the_hosts_csrf_token_from_springs_cookie_in_springs_header_on_writes() {
        var script = new String(
                ContractDocuments.find("/reservekit.js").orElseThrow().content(), StandardCharsets.UTF_8);

        // CookieCsrfTokenRepository's defaults, which the README's host configuration (csrf.spa()) relies on.
        assertThat(script).contains("'XSRF-TOKEN'", "'X-XSRF-TOKEN'", "document.cookie");
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

    @Test
    void the_prefix_is_a_path_of_its_own_never_the_applications_root() {
        assertThat(ContractDocuments.prefix(null)).isEqualTo("/reservekit");
        assertThat(ContractDocuments.prefix("/tools/reservekit")).isEqualTo("/tools/reservekit");
        for (String root : new String[] {"/", "", " ", "/a/../b", "/a b", "/reservekit/", "reservekit"}) {
            assertThatThrownBy(() -> ContractDocuments.prefix(root))
                    .as(root)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reservekit.http.prefix");
        }
    }

    @Test
    void the_page_finds_the_api_relative_to_its_prefix_so_any_context_path_holds() {
        assertThat(new String(ContractDocuments.page("/reservekit").content(), StandardCharsets.UTF_8))
                .contains("<meta name=\"reservekit-api\" content=\"../\">");
        assertThat(new String(ContractDocuments.page("/tools/reservekit").content(), StandardCharsets.UTF_8))
                .contains("<meta name=\"reservekit-api\" content=\"../../\">");
        assertThat(ContractDocuments.find("/reservekit.js")).isPresent();
        assertThat(ContractDocuments.find("/index.html")).isEmpty();
    }
}
