package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check the contract suite applies to every response: it passes what the document allows, and only that. */
class OpenApiContractTest {

    private static final String RESERVATION = """
            {"id":"6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a","resourceId":"table-7","guestName":"Ada","partySize":2,\
            "startsAt":"2030-12-01T19:00:00Z","endsAt":"2030-12-01T21:00:00Z","status":"CONFIRMED",\
            "createdAt":"2030-11-24T10:00:00.123456Z","version":1}""";
    private static final Map<String, List<String>> LOCATION =
            Map.of("Location", List.of("/reservations/6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a"), "ETag", List.of("\"1\""));
    private static final String NOT_FOUND = """
            {"type":"urn:reservekit:problem:not-found","title":"Not found","status":404,"detail":"Nothing here."}""";

    private final OpenApiContract contract = new OpenApiContract(List.of("/actuator"));

    @Test
    void a_documented_response_passes() {
        assertThatCode(() -> contract.check("POST", "/reservations", 201, "application/json", LOCATION, RESERVATION))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check(
                        "GET",
                        "/reservations/not-a-uuid/nothing",
                        404,
                        "application/problem+json",
                        Map.of(),
                        NOT_FOUND))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("GET", "/actuator/health", 200, "text/plain", Map.of(), "UP"))
                .doesNotThrowAnyException();
    }

    @Test
    void a_body_the_schema_does_not_allow_fails() {
        assertThatThrownBy(() -> contract.check(
                        "POST",
                        "/reservations",
                        201,
                        "application/json",
                        LOCATION,
                        RESERVATION.replace("CONFIRMED", "MAYBE")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Reservation");
        assertThatThrownBy(() -> contract.check(
                        "GET",
                        "/reservations/6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a",
                        200,
                        "application/json",
                        Map.of(),
                        RESERVATION.replace("\"partySize\":2,", "")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void an_undocumented_status_media_type_or_missing_header_fails() {
        assertThatThrownBy(() -> contract.check(
                        "GET", "/reservekit/openapi.yaml", 404, "application/problem+json", Map.of(), NOT_FOUND))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a status the document does not give");
        assertThatThrownBy(() -> contract.check("POST", "/reservations", 201, "text/plain", LOCATION, RESERVATION))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("text/plain");
        assertThatThrownBy(() -> contract.check(
                        "POST",
                        "/reservations",
                        201,
                        "application/json",
                        Map.of("ETag", List.of("\"1\"")),
                        RESERVATION))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Location");
        assertThatThrownBy(() -> contract.check(
                        "DELETE",
                        "/reservations/6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a",
                        503,
                        "application/problem+json",
                        Map.of(),
                        NOT_FOUND.replace("404", "503")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Retry-After");
    }

    @Test
    void an_error_on_a_path_the_document_does_not_have_must_be_a_problem() {
        assertThatThrownBy(() -> contract.check(
                        "GET", "/no-such-thing", 404, "application/json", Map.of(), "{\"error\":\"Not Found\"}"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/no-such-thing", 200, "application/json", Map.of(), "{}"))
                .isInstanceOf(AssertionError.class);
    }
}
