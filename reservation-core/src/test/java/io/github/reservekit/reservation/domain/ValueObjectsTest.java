package io.github.reservekit.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    private static void assertViolation(Runnable make, String field, String message) {
        assertThatThrownBy(make::run)
                .isInstanceOfSatisfying(
                        InvalidReservationException.class,
                        invalid ->
                                assertThat(invalid.violations()).containsExactly(new FieldViolation(field, message)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "table-1", "room_2.b:east", "A1-b2_C3.d4:e5"})
    void a_resource_id_of_letters_digits_and_separators_is_accepted(String value) {
        assertThat(new ResourceId(value).value()).isEqualTo(value);
    }

    @Test
    void a_resource_id_may_be_100_characters_but_not_101() {
        assertThatCode(() -> new ResourceId("r".repeat(100))).doesNotThrowAnyException();
        assertViolation(() -> new ResourceId("r".repeat(101)), "resourceId", "must be 1 to 100 characters long");
        assertViolation(() -> new ResourceId(""), "resourceId", "must be 1 to 100 characters long");
        assertViolation(() -> new ResourceId(null), "resourceId", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table 1", "table/1", "tablé", "table#1", "a\nb"})
    void a_resource_id_with_other_characters_is_rejected(String value) {
        assertViolation(
                () -> new ResourceId(value), "resourceId", "may contain only letters, digits, '-', '_', '.' and ':'");
    }

    @Test
    void a_guest_name_is_trimmed_and_counted_in_characters() {
        assertThat(new GuestName("  Ada Lovelace \t").value()).isEqualTo("Ada Lovelace");
        assertThatCode(() -> new GuestName("😀".repeat(200))).doesNotThrowAnyException();
        assertViolation(
                () -> new GuestName("x".repeat(201)), "guestName", "must be 1 to 200 characters long after trimming");
        assertViolation(() -> new GuestName("   "), "guestName", "must be 1 to 200 characters long after trimming");
        assertViolation(() -> new GuestName(null), "guestName", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\nLovelace", "Ada\u0000", "Ada\u007f Lovelace", "Ada\u0085"})
    void a_guest_name_with_a_control_character_is_rejected(String value) {
        assertViolation(() -> new GuestName(value), "guestName", "must not contain control characters");
    }

    @Test
    void a_party_is_1_to_100_people() {
        assertThat(new PartySize(1).value()).isEqualTo(1);
        assertThat(new PartySize(100).value()).isEqualTo(100);
        assertViolation(() -> new PartySize(0), "partySize", "must be between 1 and 100");
        assertViolation(() -> new PartySize(101), "partySize", "must be between 1 and 100");
    }

    @Test
    void a_slot_ends_after_it_starts_and_lasts_at_most_7_days() {
        var start = Instant.parse("2026-12-01T19:00:00Z");
        assertThat(new TimeSlot(start, start.plus(Duration.ofDays(7))).length()).isEqualTo(Duration.ofDays(7));
        assertViolation(() -> new TimeSlot(start, start), "endsAt", "must be after startsAt");
        assertViolation(() -> new TimeSlot(start, start.minusSeconds(1)), "endsAt", "must be after startsAt");
        assertViolation(
                () -> new TimeSlot(start, start.plus(Duration.ofDays(7)).plusSeconds(1)),
                "endsAt",
                "must be at most 7 days after startsAt");
        assertViolation(() -> new TimeSlot(null, start), "startsAt", "is required");
        assertViolation(() -> new TimeSlot(start, null), "endsAt", "is required");
    }

    @Test
    void slots_overlap_as_half_open_intervals() {
        var sevenToNine = slot("19:00", "21:00");

        assertThat(sevenToNine.overlaps(slot("20:00", "22:00"))).isTrue();
        assertThat(sevenToNine.overlaps(slot("19:30", "20:00"))).isTrue();
        assertThat(sevenToNine.overlaps(slot("18:00", "22:00"))).isTrue();
        assertThat(sevenToNine.overlaps(slot("21:00", "23:00")))
                .as("back to back after")
                .isFalse();
        assertThat(sevenToNine.overlaps(slot("17:00", "19:00")))
                .as("back to back before")
                .isFalse();
    }

    @Test
    void an_idempotency_key_is_1_to_100_printable_characters() {
        assertThatCode(() -> new IdempotencyKey("k".repeat(100))).doesNotThrowAnyException();
        assertThatCode(() -> new IdempotencyKey("order 42 / retry")).doesNotThrowAnyException();
        assertViolation(
                () -> new IdempotencyKey("k".repeat(101)), "idempotencyKey", "must be 1 to 100 printable characters");
        assertViolation(() -> new IdempotencyKey(""), "idempotencyKey", "must be 1 to 100 printable characters");
        assertViolation(
                () -> new IdempotencyKey("key\u0001"),
                "idempotencyKey",
                "must contain only printable ASCII characters");
    }

    @Test
    void a_reservation_id_is_read_from_a_uuid_only() {
        var id = ReservationId.random();
        assertThat(ReservationId.parse(id.toString())).isEqualTo(id);
        assertViolation(() -> ReservationId.parse("not-a-uuid"), "id", "must be a UUID");
        assertViolation(() -> ReservationId.parse("1-1-1-1-1"), "id", "must be a UUID");
    }

    private static TimeSlot slot(String from, String to) {
        return new TimeSlot(Instant.parse("2026-12-01T" + from + ":00Z"), Instant.parse("2026-12-01T" + to + ":00Z"));
    }
}
