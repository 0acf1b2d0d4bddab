package io.github.reservekit.http;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.IdempotencyKeyReusedException;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.WriteNotAdmittedException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservationProblemsTest {

    private final ReservationId id = ReservationId.parse("7f1c1e0a-51a8-4c48-9f3e-2b8a3c1d9e10");

    @Test
    void an_invalid_request_lists_each_field_and_rule() {
        var problem = ReservationProblems.of(new InvalidReservationException(List.of(
                new FieldViolation("partySize", "must be between 1 and 100"),
                new FieldViolation("endsAt", "must be after startsAt"))));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.body("/reservations"))
                .containsEntry("type", "urn:reservekit:problem:invalid-request")
                .containsEntry("title", "Invalid request")
                .containsEntry("detail", "2 fields are invalid.")
                .containsEntry(
                        "errors",
                        List.of(
                                Map.of("field", "partySize", "message", "must be between 1 and 100"),
                                Map.of("field", "endsAt", "message", "must be after startsAt")));
        assertThat(problem.body("/reservations").keySet())
                .containsExactly("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void a_refused_body_is_malformed_json_or_an_invalid_request_naming_its_fields() {
        var malformed = ReservationProblems.of(InvalidRequestException.malformedJson());
        var unknown = ReservationProblems.of(
                InvalidRequestException.invalid(List.of(new FieldViolation("partysize", "is not a known field"))));

        assertThat(malformed.body("/reservations"))
                .containsEntry("status", 400)
                .containsEntry("type", "urn:reservekit:problem:malformed-json")
                .doesNotContainKey("errors");
        assertThat(unknown.body("/reservations"))
                .containsEntry("status", 400)
                .containsEntry("type", "urn:reservekit:problem:invalid-request")
                .containsEntry("detail", "1 field is invalid: partysize is not a known field.")
                .containsEntry("errors", List.of(Map.of("field", "partysize", "message", "is not a known field")));
    }

    @Test
    void a_conflict_names_the_conflicting_reservation() {
        var problem = ReservationProblems.of(new ReservationConflictException(TABLE_1, slot(25, 2), id, slot(24, 2)));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.body("/reservations"))
                .containsEntry("conflictingReservationId", id.toString())
                .doesNotContainKey("errors");
        assertThat((String) problem.body("/reservations").get("detail")).contains(id.toString());
    }

    @Test
    void each_business_outcome_has_its_status() {
        assertThat(ReservationProblems.of(new ReservationNotFoundException(id)).status())
                .isEqualTo(404);
        assertThat(ReservationProblems.of(new IdempotencyKeyReusedException(new IdempotencyKey("k"), id))
                        .body("/reservations"))
                .containsEntry("status", 422)
                .containsEntry("existingReservationId", id.toString());
    }

    @Test
    void a_change_by_someone_other_than_the_owner_is_a_403_that_does_not_say_who_the_owner_is() {
        var problem = ReservationProblems.of(new NotReservationOwnerException(id));

        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.type()).isEqualTo("urn:reservekit:problem:not-reservation-owner");
        assertThat(problem.body("/reservations/" + id)).containsEntry("reservationId", id.toString());
    }

    @Test
    void the_caller_is_the_frameworks_principal_by_name_and_none_when_anonymous() {
        Principal ada = () -> "ada";
        Principal nameless = () -> null;

        assertThat(Callers.of(ada)).isEqualTo(Optional.of(new PrincipalName("ada")));
        assertThat(Callers.of(null)).isEmpty();
        assertThat(Callers.of(nameless)).isEmpty();
    }

    @Test
    void an_unpublished_event_asks_the_client_to_retry_later_and_hides_the_cause() {
        var cause = new IllegalStateException("broker 3 at 10.1.2.3:9092 is secret");
        var retriable = ReservationProblems.of(new PublicationFailedException("timeout after 3000 ms", true, cause));
        var permanent = ReservationProblems.of(new PublicationFailedException("not authorised", false, cause));

        assertThat(retriable.status()).isEqualTo(503);
        assertThat(retriable.retryAfterSeconds()).contains(ReservationProblems.RETRY_AFTER_SECONDS);
        assertThat(permanent.retryAfterSeconds()).contains(ReservationProblems.RETRY_AFTER_SECONDS_NOT_RETRIABLE);
        assertThat(retriable.body("/reservations").toString()).doesNotContain("10.1.2.3", "timeout after", "Exception");
    }

    @Test
    void a_write_refused_by_admission_control_is_a_503_not_kept_to_retry_soon_with_its_key() {
        var problem = ReservationProblems.of(new WriteNotAdmittedException(id, Optional.of(new IdempotencyKey("k-1"))));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("urn:reservekit:problem:overloaded");
        assertThat(problem.retryAfterSeconds()).contains(ReservationProblems.RETRY_AFTER_SECONDS_OVERLOADED);
        assertThat(problem.extensions())
                .containsEntry("outcome", "not-kept")
                .containsEntry("reservationId", id.toString())
                .containsEntry("idempotencyKey", "k-1");
        assertThat(problem.detail()).contains("nothing was published", "Idempotency-Key: k-1");
    }

    @Test
    void an_outcome_without_a_mapping_is_an_opaque_internal_error() {
        var unknown = new ReservationException("internal detail") {};

        var problem = ReservationProblems.of(unknown);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.body("/reservations").toString()).doesNotContain("internal detail");
    }
}
