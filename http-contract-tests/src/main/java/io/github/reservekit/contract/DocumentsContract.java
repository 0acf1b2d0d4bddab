package io.github.reservekit.contract;

import static io.github.reservekit.contract.ContractAssertions.assertProblem;
import static io.github.reservekit.contract.ContractFixtures.CANCELLED;
import static io.github.reservekit.contract.ContractFixtures.PLACED;
import static io.github.reservekit.contract.ContractFixtures.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contracts as files, black-box, as every shell runs them (through {@link HttpContractSuite}): the OpenAPI and
 * AsyncAPI documents and each event's data schema, served under ReserveKit's prefix as shipped.
 */
public interface DocumentsContract extends ShellContract {

    /** Where every shell serves the documents and the page by default: never the application's own root. */
    String PREFIX = "/reservekit";

    @Test
    default void the_openapi_and_asyncapi_documents_are_served_as_shipped() throws Exception {
        for (var document : List.of("openapi.yaml", "asyncapi.yaml")) {
            var served = api().get(PREFIX + "/" + document, "Accept", "*/*");

            assertThat(served.status()).as(document).isEqualTo(200);
            assertThat(served.mediaType()).isEqualTo("application/yaml");
            // Served under the prefix, the AsyncAPI document's references to the schemas beside it are rewritten
            // from the class path's layout (../schemas/) to the served one (schemas/).
            assertThat(served.body())
                    .isEqualTo(classpath("reservekit/" + document).replace("\"../schemas/", "\"schemas/"));
        }
    }

    @Test
    default void each_events_data_schema_is_served_at_the_path_of_its_ce_dataschema_under_the_prefix()
            throws Exception {
        for (var type : List.of(PLACED, CANCELLED, "io.github.reservekit.reservation.rejected.v1")) {
            var path = PREFIX + URI.create(SCHEMAS + type + ".json").getPath();

            var served = api().get(path, "Accept", "*/*");

            assertThat(served.status()).as(path).isEqualTo(200);
            assertThat(served.mediaType()).isEqualTo("application/schema+json");
            assertThat(served.json().path("$id").asText()).isEqualTo(SCHEMAS + type + ".json");
        }
        assertProblem(api().get(PREFIX + "/schemas/unknown.json", "Accept", "*/*"), 404);
    }

    private static String classpath(String resource) throws IOException {
        try (var in = DocumentsContract.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
