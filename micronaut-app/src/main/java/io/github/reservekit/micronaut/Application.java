package io.github.reservekit.micronaut;

import io.github.reservekit.http.EventView;
import io.github.reservekit.http.ReservationView;
import io.micronaut.runtime.Micronaut;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The Micronaut shell of ReserveKit. Beans come from {@code io.github.reservekit.micronaut} only; the core is
 * assembled once, by the adapter, in {@link ReserveKitFactory}. The HTTP model of {@code reservation-http} carries no
 * annotation, so the records it answers with are imported for micronaut-serde here (request bodies are read by
 * reservation-http itself).
 */
@SerdeImport(ReservationView.class)
@SerdeImport(EventView.class)
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
