package io.github.reservekit.spring;

import io.github.reservekit.contract.PageSuite;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.springboot.autoconfigure.testing.SpringTestApps;
import org.junit.jupiter.api.extension.RegisterExtension;

/** spring-app serves the page, which works in a real headless browser, on a real Kafka broker in this JVM. */
class SpringPageIT extends PageSuite {

    @RegisterExtension
    static final ShellUnderTest shell = SpringTestApps.shellUnderTest(
            "spring-app", ReserveKitSpringApplication.class, "--reservekit.publish-timeout=3s");
}
