package io.github.reservekit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyWriteRefusalTest {

    @Test
    void below_the_bound_nothing_is_refused_early() {
        assertThat(EarlyWriteRefusal.refusal(false, "POST", "/reservations", null))
                .isEmpty();
        assertThat(EarlyWriteRefusal.refusal(false, "DELETE", "/reservations/42", null))
                .isEmpty();
    }

    @Test
    void at_the_bound_reads_are_still_served() {
        assertThat(EarlyWriteRefusal.refusal(true, "GET", "/reservations/42", null))
                .isEmpty();
        assertThat(EarlyWriteRefusal.refusal(true, "HEAD", "/reservations", null))
                .isEmpty();
        assertThat(EarlyWriteRefusal.refusal(true, "OPTIONS", "/resources/r1", null))
                .isEmpty();
    }

    @Test
    void at_the_bound_a_placement_is_a_503_not_kept_naming_the_clients_key_to_retry_with() {
        var problem = EarlyWriteRefusal.refusal(true, "POST", "/reservations", "order-7")
                .orElseThrow();

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("urn:reservekit:problem:overloaded");
        assertThat(problem.retryAfterSeconds()).contains(ReservationProblems.RETRY_AFTER_SECONDS_OVERLOADED);
        assertThat(problem.extensions())
                .containsEntry("outcome", "not-kept")
                .containsEntry("idempotencyKey", "order-7");
    }

    @Test
    void at_the_bound_a_placement_without_a_key_gets_a_new_one_to_retry_with() {
        var problem =
                EarlyWriteRefusal.refusal(true, "POST", "/reservations", null).orElseThrow();

        assertThat(problem.extensions().get("idempotencyKey")).startsWith("rk-");
        assertThat(problem.detail())
                .contains("Idempotency-Key: " + problem.extensions().get("idempotencyKey"));
    }

    @Test
    void at_the_bound_a_placement_with_a_bad_key_is_let_through_to_get_its_400() {
        assertThat(EarlyWriteRefusal.refusal(true, "POST", "/reservations", " "))
                .isEmpty();
    }

    @Test
    void at_the_bound_every_other_write_is_a_503_not_kept_without_a_key() {
        for (var write : new String[][] {
            {"DELETE", "/reservations/42"},
            {"PATCH", "/reservations/42"},
            {"POST", "/reservations/42/confirm"},
            {"PUT", "/resources/r1"}
        }) {
            var problem = EarlyWriteRefusal.refusal(true, write[0], write[1], "order-7")
                    .orElseThrow();
            assertThat(problem.status()).as("%s %s", write[0], write[1]).isEqualTo(503);
            assertThat(problem.extensions())
                    .containsEntry("outcome", "not-kept")
                    .doesNotContainKey("idempotencyKey");
        }
    }
}
