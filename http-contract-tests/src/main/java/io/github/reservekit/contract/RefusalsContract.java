package io.github.reservekit.contract;

import static io.github.reservekit.contract.ContractAssertions.assertInvalid;
import static io.github.reservekit.contract.ContractAssertions.assertProblem;
import static io.github.reservekit.contract.ContractFixtures.at;
import static io.github.reservekit.contract.ContractFixtures.body;
import static io.github.reservekit.contract.ContractFixtures.newResource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The refusals of CONTRACT.md section 3, black-box, as every shell runs them (through {@link HttpContractSuite}):
 * every request the API refuses gets an RFC 9457 problem (400 naming each bad field, 404, 405, 413, 415) and
 * publishes nothing.
 */
public interface RefusalsContract extends ShellContract {

    /** Bodies with one bad field (or all), each with the fields the 400 must name. */
    static Stream<Arguments> invalidBodies() {
        var ok = "\"resourceId\":\"R\",\"guestName\":\"Ada\",\"partySize\":2,\"startsAt\":\"S\",\"endsAt\":\"E\"";
        return Stream.of(
                Arguments.of("resourceId missing", ok.replace("\"resourceId\":\"R\",", ""), List.of("resourceId")),
                Arguments.of("resourceId with a space", ok.replace("\"R\"", "\"table 1\""), List.of("resourceId")),
                Arguments.of(
                        "resourceId too long",
                        ok.replace("\"R\"", "\"" + "r".repeat(101) + "\""),
                        List.of("resourceId")),
                Arguments.of("guestName blank", ok.replace("\"Ada\"", "\"   \""), List.of("guestName")),
                Arguments.of(
                        "guestName too long",
                        ok.replace("\"Ada\"", "\"" + "a".repeat(201) + "\""),
                        List.of("guestName")),
                Arguments.of(
                        "guestName with a control character",
                        ok.replace("\"Ada\"", "\"Ada\\u0007\""),
                        List.of("guestName")),
                Arguments.of("partySize 0", ok.replace(":2,", ":0,"), List.of("partySize")),
                Arguments.of("partySize 101", ok.replace(":2,", ":101,"), List.of("partySize")),
                Arguments.of("partySize missing", ok.replace("\"partySize\":2,", ""), List.of("partySize")),
                Arguments.of("partySize a fraction", ok.replace(":2,", ":2.5,"), List.of("partySize")),
                Arguments.of("partySize text", ok.replace(":2,", ":\"two\","), List.of("partySize")),
                Arguments.of("partySize as a numeric string", ok.replace(":2,", ":\"2\","), List.of("partySize")),
                Arguments.of("partySize beyond any integer", ok.replace(":2,", ":99999999999,"), List.of("partySize")),
                Arguments.of("resourceId a number", ok.replace("\"R\"", "5"), List.of("resourceId")),
                Arguments.of("guestName a boolean", ok.replace("\"Ada\"", "true"), List.of("guestName")),
                Arguments.of("startsAt malformed", ok.replace("\"S\"", "\"tomorrow at 7\""), List.of("startsAt")),
                Arguments.of(
                        "startsAt without a zone", ok.replace("\"S\"", "\"2030-01-01T19:00:00\""), List.of("startsAt")),
                Arguments.of(
                        "startsAt in the past",
                        ok.replace("\"S\"", "\"2020-01-01T19:00:00Z\"").replace("\"E\"", "\"2020-01-01T21:00:00Z\""),
                        List.of("startsAt")),
                Arguments.of("endsAt before startsAt", ok.replace("\"E\"", "\"" + at(18) + "\""), List.of("endsAt")),
                Arguments.of("endsAt equal to startsAt", ok.replace("\"E\"", "\"S\""), List.of("endsAt")),
                Arguments.of(
                        "slot longer than 7 days",
                        ok.replace("\"E\"", "\"" + at(19 + 7 * 24 + 1) + "\""),
                        List.of("endsAt")),
                Arguments.of(
                        "everything wrong at once",
                        "\"resourceId\":\"a b\",\"guestName\":\"\",\"partySize\":0,\"startsAt\":\"x\",\"endsAt\":\"y\"",
                        List.of("resourceId", "guestName", "partySize", "startsAt", "endsAt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.reservekit.contract.RefusalsContract#invalidBodies")
    default void an_invalid_field_answers_400_naming_it_and_publishes_nothing(
            String why, String fields, List<String> bad) {
        var resource = newResource();
        var body = "{"
                + fields.replace("\"R\"", "\"" + resource + "\"")
                        .replace("\"S\"", "\"" + at(19) + "\"")
                        .replace("\"E\"", "\"" + at(21) + "\"")
                + "}";
        var mark = topic().mark();

        var response = api().postJson("/reservations", body);

        assertInvalid(response, bad.toArray(String[]::new));
        assertThat(topic().recordsSince(mark))
                .as("no event for a rejected request")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"resourceId\": ", "not json at all", "[1, 2, 3]", "\"a string\"", ""})
    default void a_body_that_is_not_a_json_object_answers_400(String body) {
        var mark = topic().mark();

        assertProblem(api().postJson("/reservations", body), 400);
        assertThat(topic().recordsSince(mark)).isEmpty();
    }

    @Test
    default void an_unknown_field_answers_400_naming_it_so_a_typo_is_never_dropped() {
        var body = body(newResource(), 19, 21).replace("\"partySize\"", "\"partysize\"");

        assertInvalid(api().postJson("/reservations", body), "partysize");
    }

    @Test
    default void a_body_that_is_not_json_answers_415() {
        var mark = topic().mark();

        assertProblem(api().post("/reservations", "text/plain", body(newResource(), 19, 21)), 415);
        assertThat(topic().recordsSince(mark)).isEmpty();
    }

    @Test
    default void a_body_over_16_kib_answers_413() {
        var resource = newResource();
        var padded = body(resource, 19, 21).replace("\"Ada Lovelace\"", "\"" + "A".repeat(17 * 1024) + "\"");
        var mark = topic().mark();

        assertProblem(api().postJson("/reservations", padded), 413);
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    default void an_idempotency_key_over_100_characters_answers_400() {
        var response = api().postJson("/reservations", body(newResource(), 19, 21), "Idempotency-Key", "k".repeat(101));

        assertInvalid(response, "Idempotency-Key");
    }

    @Test
    default void an_unknown_id_answers_404() {
        assertProblem(api().get("/reservations/" + UUID.randomUUID()), 404);
    }

    @Test
    default void an_id_that_is_not_a_uuid_answers_400() {
        assertInvalid(api().get("/reservations/not-a-uuid"), "id");
    }

    @Test
    default void listing_without_a_valid_resource_id_answers_400() {
        assertInvalid(api().get("/reservations"), "resourceId");
        assertInvalid(api().get("/reservations?resourceId=not%20valid"), "resourceId");
    }

    @Test
    default void cancelling_an_unknown_id_answers_404_and_a_malformed_id_400() {
        assertProblem(api().delete("/reservations/" + UUID.randomUUID()), 404);
        assertInvalid(api().delete("/reservations/not-a-uuid"), "id");
    }

    @Test
    default void an_unknown_path_answers_a_404_problem() {
        assertProblem(api().get("/no-such-thing"), 404);
    }

    @Test
    default void an_unsupported_method_answers_a_405_problem() {
        assertProblem(api().send("PATCH", "/reservations"), 405);
    }
}
