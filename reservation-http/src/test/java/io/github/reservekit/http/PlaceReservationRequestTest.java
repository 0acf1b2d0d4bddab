package io.github.reservekit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceReservationRequestTest {

    /** The members of a valid body. */
    private static final String OK = "\"resourceId\":\"table-1\",\"guestName\":\"Ada\",\"partySize\":2,"
            + "\"startsAt\":\"2026-12-01T19:00:00Z\",\"endsAt\":\"2026-12-01T21:00:00Z\"";

    private static final String NOT_AN_INSTANT =
            "must be an RFC 3339 date-time with a time zone, e.g. 2026-12-01T19:00:00Z";

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body {@code {OK}} with {@code from} replaced by {@code to}. */
    private static byte[] okWith(String from, String to) {
        String fields = OK.replace(from, to);
        assertThat(fields).as("the test changes the body").isNotEqualTo(OK);
        return json("{" + fields + "}");
    }

    private static List<FieldViolation> violations(byte[] body, String idempotencyKey) {
        try {
            PlaceReservationRequest.parse(body, idempotencyKey);
        } catch (InvalidRequestException invalid) {
            return invalid.violations();
        }
        throw new AssertionError("accepted " + new String(body, StandardCharsets.UTF_8));
    }

    private static FieldViolation violation(String field, String message) {
        return new FieldViolation(field, message);
    }

    @Test
    void a_valid_body_and_key_become_the_typed_command() {
        var command = PlaceReservationRequest.parse(okWith("\"Ada\"", "\"  Ada Lovelace \""), "order-42");

        assertThat(command.details())
                .isEqualTo(new ReservationDetails(
                        new ResourceId("table-1"),
                        new GuestName("Ada Lovelace"),
                        new PartySize(2),
                        new TimeSlot(Instant.parse("2026-12-01T19:00:00Z"), Instant.parse("2026-12-01T21:00:00Z"))));
        assertThat(command.idempotencyKey()).contains(new IdempotencyKey("order-42"));
    }

    @Test
    void without_the_header_there_is_no_key_and_an_offset_is_read_as_utc() {
        var command = PlaceReservationRequest.parse(okWith("19:00:00Z", "20:00:00+01:00"), null);

        assertThat(command.idempotencyKey()).isEmpty();
        assertThat(command.details().slot().startsAt()).isEqualTo(Instant.parse("2026-12-01T19:00:00Z"));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of(
                        "\"table-1\"",
                        "\"table 1\"",
                        "resourceId",
                        "may contain only letters, digits, '-', '_', '.' and ':'"),
                Arguments.of(
                        "\"table-1\"", "\"" + "r".repeat(101) + "\"", "resourceId", "must be 1 to 100 characters long"),
                Arguments.of("\"Ada\"", "\"   \"", "guestName", "must be 1 to 200 characters long after trimming"),
                Arguments.of("\"Ada\"", "\"Ada\\u0007\"", "guestName", "must not contain control characters"),
                Arguments.of(":2,", ":0,", "partySize", "must be between 1 and 100"),
                Arguments.of(":2,", ":101,", "partySize", "must be between 1 and 100"),
                Arguments.of("2026-12-01T19:00:00Z", "tomorrow at 7", "startsAt", NOT_AN_INSTANT),
                Arguments.of("2026-12-01T19:00:00Z", "2026-12-01T19:00:00", "startsAt", NOT_AN_INSTANT),
                Arguments.of("2026-12-01T21:00:00Z", "2026-12-01 21:00", "endsAt", NOT_AN_INSTANT),
                Arguments.of("2026-12-01T21:00:00Z", "2026-12-01T18:00:00Z", "endsAt", "must be after startsAt"),
                Arguments.of("2026-12-01T21:00:00Z", "2026-12-01T19:00:00Z", "endsAt", "must be after startsAt"),
                Arguments.of(
                        "2026-12-01T21:00:00Z",
                        "2026-12-08T19:00:01Z",
                        "endsAt",
                        "must be at most 7 days after startsAt"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("brokenRules")
    void a_field_that_breaks_a_rule_is_named_with_the_rule(String from, String to, String field, String rule) {
        assertThat(violations(okWith(from, to), null)).containsExactly(violation(field, rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resourceId", "guestName", "partySize", "startsAt", "endsAt"})
    void a_missing_or_null_field_is_required(String field) {
        String without = Stream.of(OK.split(","))
                .filter(member -> !member.startsWith("\"" + field + "\""))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();

        assertThat(violations(json("{" + without + "}"), null)).containsExactly(violation(field, "is required"));
        assertThat(violations(json("{" + without + ",\"" + field + "\":null}"), null))
                .containsExactly(violation(field, "is required"));
    }

    @Test
    void every_broken_field_and_the_header_are_reported_at_once_in_the_apis_order() {
        var body =
                json("{\"endsAt\":\"y\",\"startsAt\":\"x\",\"partySize\":0,\"guestName\":\"\",\"resourceId\":\"a b\"}");

        assertThat(violations(body, ""))
                .extracting(FieldViolation::field)
                .containsExactly("resourceId", "guestName", "partySize", "startsAt", "endsAt", "Idempotency-Key");
        assertThat(violations(json("{}"), null)).hasSize(5);
    }

    @Test
    void a_slot_rule_is_checked_once_both_instants_are_readable() {
        assertThat(violations(okWith("2026-12-01T21:00:00Z", "2026-11-01T21:00:00Z"), null))
                .containsExactly(violation("endsAt", "must be after startsAt"));
        assertThat(violations(okWith("2026-12-01T21:00:00Z", "never"), null))
                .containsExactly(violation("endsAt", NOT_AN_INSTANT));
    }

    @Test
    void the_idempotency_key_is_named_as_the_header() {
        assertThat(violations(json("{" + OK + "}"), "k".repeat(101)))
                .containsExactly(violation("Idempotency-Key", "must be 1 to 100 printable characters"));
        assertThat(violations(json("{" + OK + "}"), "key\u0001"))
                .containsExactly(violation("Idempotency-Key", "must contain only printable ASCII characters"));
    }

    @Test
    void an_unknown_field_is_named_so_that_a_typo_is_never_dropped() {
        assertThat(violations(okWith("\"partySize\"", "\"partysize\""), null))
                .containsExactly(violation("partysize", "is not a known field"));
        assertThat(violations(json("{" + OK + ",\"notes\":null}"), null))
                .containsExactly(violation("notes", "is not a known field"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2.5",
                "2.0",
                "1e2",
                "\"2\"",
                "\"two\"",
                "\"\"",
                "true",
                "[2]",
                "{}",
                "99999999999",
                "-99999999999999999999999"
            })
    void a_party_size_that_is_not_a_whole_json_number_within_int_is_named(String value) {
        assertThat(violations(okWith(":2,", ":" + value + ","), null))
                .containsExactly(violation("partySize", "must be a whole number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5.5", "true", "[\"table-1\"]", "{\"id\":\"table-1\"}"})
    void text_fields_take_json_strings_only(String value) {
        assertThat(violations(okWith("\"table-1\"", value), null))
                .containsExactly(violation("resourceId", "must be a JSON string"));
        assertThat(violations(okWith("\"Ada\"", value), null))
                .containsExactly(violation("guestName", "must be a JSON string"));
        assertThat(violations(okWith("\"2026-12-01T19:00:00Z\"", value), null))
                .containsExactly(violation("startsAt", "must be a JSON string"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "{\"resourceId\": ",
                "not json at all",
                "[1, 2, 3]",
                "[]",
                "\"a string\"",
                "42",
                "null",
                "{} {}",
                "{\"resourceId\":'table-1'}",
                "{\"guestName\":\"Ada\u0000\"}",
                "{\"partySize\":2,}",
                "/* comment */ {}"
            })
    void a_body_that_is_not_one_well_formed_json_object_is_malformed(String body) {
        assertThat(violations(json(body), null)).isEmpty();
    }

    @Test
    void no_body_and_bytes_that_are_not_utf_8_are_malformed() {
        assertThatThrownBy(() -> PlaceReservationRequest.parse(null, null))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.violations()).isEmpty());
        assertThat(violations(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, null))
                .isEmpty();
        assertThat(violations(json("{" + OK + "} trailing"), null)).isEmpty();
    }
}
