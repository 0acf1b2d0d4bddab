package io.github.reservekit.reservation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReservationSettingsTest {

    private static final ReservationSettings DEFAULTS = ReservationSettings.DEFAULTS;

    @Test
    void each_with_changes_its_own_setting_and_keeps_the_others() {
        var settings = DEFAULTS.withPublishTimeout(Duration.ofSeconds(2))
                .withClockSkewMargin(Duration.ofMillis(100))
                .withMaxHorizon(Duration.ofDays(30))
                .withOwnerOnly(true);

        assertThat(settings)
                .isEqualTo(new ReservationSettings(
                        Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofDays(30), true));
        assertThat(DEFAULTS.withOwnerOnly(true))
                .isEqualTo(new ReservationSettings(
                        DEFAULTS.publishTimeout(), DEFAULTS.clockSkewMargin(), DEFAULTS.maxHorizon(), true));
    }

    @Test
    void a_with_keeps_the_checks_of_the_settings() {
        assertThatThrownBy(() -> DEFAULTS.withMaxHorizon(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHorizon");
        assertThatThrownBy(() -> DEFAULTS.withPublishTimeout(null)).isInstanceOf(NullPointerException.class);
    }
}
