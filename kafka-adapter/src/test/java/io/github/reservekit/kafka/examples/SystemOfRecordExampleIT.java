package io.github.reservekit.kafka.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.KafkaPublisherSettings;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.github.reservekit.reservation.domain.ReservationStatus;
import org.junit.jupiter.api.Test;

/** The documented embedding runs as written: run twice on one topic, it finds its reservation again. */
@SharedKafka
class SystemOfRecordExampleIT {

    @Test
    void the_documented_program_finds_its_reservation_again_after_a_restart(TestKafka kafka) {
        var settings = KafkaPublisherSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic("reserve-example-it-" + System.nanoTime())
                .build();

        var first = SystemOfRecordExample.run(settings);
        var afterRestart = SystemOfRecordExample.run(settings);

        assertThat(afterRestart).isEqualTo(first);
        assertThat(afterRestart.status()).isEqualTo(ReservationStatus.CONFIRMED);
    }
}
