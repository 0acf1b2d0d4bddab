package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.write.ConcurrencyLimitWriteAdmission;
import io.github.reservekit.reservation.application.port.out.WriteAdmission.Admitted;
import java.net.URI;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adaptive bound on writes in flight: the excess refused on the spot, every end gives its permit back. */
class ConcurrencyLimitWriteAdmissionTest {

    @Test
    void writes_beyond_the_bound_are_refused_until_one_in_flight_ends() {
        var admission = ConcurrencyLimitWriteAdmission.between(3, 3);
        var inFlight = new ArrayList<Admitted>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(admission.tryAdmit().orElseThrow());
        }

        assertThat(admission.tryAdmit()).isEmpty();
        assertThat(admission.tryAdmit()).isEmpty();
        assertThat(admission.refused()).isEqualTo(2);
        assertThat(admission.inFlight()).isEqualTo(3);

        inFlight.get(0).decided();
        inFlight.get(1).ignored();
        inFlight.get(2).timedOut();
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.tryAdmit()).isPresent();
    }

    @Test
    void the_bound_starts_at_twenty_within_min_and_max() {
        assertThat(ConcurrencyLimitWriteAdmission.between(10, 200).bound()).isEqualTo(20);
        assertThat(ConcurrencyLimitWriteAdmission.between(1, 5).bound()).isEqualTo(5);
        assertThat(ConcurrencyLimitWriteAdmission.between(30, 50).bound()).isEqualTo(30);
        assertThatThrownBy(() -> ConcurrencyLimitWriteAdmission.between(0, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_settings_bind_the_bound_and_zero_turns_it_off() {
        var defaults = ReserveKitSettings.bind(key -> null, URI.create("/test"));
        assertThat(defaults.minWritesInFlight()).isEqualTo(50);
        assertThat(defaults.maxWritesInFlight()).isEqualTo(200);

        var set = Map.of("reservekit.min-writes-in-flight", "4", "reservekit.max-writes-in-flight", "64");
        var bound = ReserveKitSettings.bind(set::get, URI.create("/test"));
        assertThat(bound.minWritesInFlight()).isEqualTo(4);
        assertThat(bound.maxWritesInFlight()).isEqualTo(64);

        assertThat(ReserveKitSettings.bind(Map.of("reservekit.max-writes-in-flight", "0")::get, URI.create("/t"))
                        .maxWritesInFlight())
                .isZero();
        assertThatThrownBy(() -> ReserveKitSettings.bind(
                        Map.of("reservekit.min-writes-in-flight", "60", "reservekit.max-writes-in-flight", "20")::get,
                        URI.create("/t")))
                .hasMessageContaining("reservekit.min-writes-in-flight");
    }
}
