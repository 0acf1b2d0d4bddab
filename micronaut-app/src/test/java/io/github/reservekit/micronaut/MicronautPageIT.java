package io.github.reservekit.micronaut;

import io.github.reservekit.contract.PageSuite;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * micronaut-app serves the same page as spring-app (reservation-http's page, from the module's DocumentsController
 * under ReserveKit's prefix), which works in a real headless browser, on a real Kafka broker.
 */
class MicronautPageIT extends PageSuite {

    @RegisterExtension
    static final ShellUnderTest shell =
            MicronautTestApps.shellUnderTest("micronaut-app", Map.of("reservekit.publish-timeout", "3s"));
}
