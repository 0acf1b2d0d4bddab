package io.github.reservekit.kafka.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.github.reservekit.reservation.domain.ReservationStatus;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The documented embedding runs as written: run twice on one topic, it finds its reservation again. */
@SharedKafka
class SystemOfRecordExampleIT {

    @Test
    void the_documented_program_finds_its_reservation_again_after_a_restart(TestKafka kafka) {
        var settings = ReserveKitSettings.defaults(URI.create("/reservekit/example"))
                .withTopic("reserve-example-it-" + System.nanoTime());

        var first = SystemOfRecordExample.run(settings, kafka.bootstrapServers());
        var afterRestart = SystemOfRecordExample.run(settings, kafka.bootstrapServers());

        assertThat(afterRestart).isEqualTo(first);
        assertThat(afterRestart.status()).isEqualTo(ReservationStatus.CONFIRMED);
    }
}
