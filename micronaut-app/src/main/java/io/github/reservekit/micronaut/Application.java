package io.github.reservekit.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * The example Micronaut application: the reservekit-micronaut module (whose factories assemble the core on Kafka
 * and serve the HTTP API) and an {@code application.yml}, nothing else.
 */
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
