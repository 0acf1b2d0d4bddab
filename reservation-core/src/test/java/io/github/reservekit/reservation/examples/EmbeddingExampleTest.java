package io.github.reservekit.reservation.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("replaces System.out while the example runs")
class EmbeddingExampleTest {

    @Test
    void the_readme_example_places_refuses_a_conflict_and_cancels() {
        var captured = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("published ReservationPlaced for reservation "),
                        line -> assertThat(line)
                                .startsWith("placed Reservation[")
                                .contains("status=CONFIRMED"),
                        line -> assertThat(line).startsWith("refused: resource table-7 is already reserved"),
                        line -> assertThat(line).startsWith("published ReservationCancelled for reservation "),
                        line -> assertThat(line)
                                .startsWith("table-7 now: [Reservation[")
                                .contains("status=CANCELLED"));
    }
}
