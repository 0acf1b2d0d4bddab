package io.github.reservekit.springboot.starter;

import io.github.reservekit.contract.HttpContractSuite;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.springboot.autoconfigure.testing.SpringTestApps;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot app that is only the starter and an {@code application.yml} ({@link SmallApp}), against the
 * shared HTTP contract suite on a real Kafka broker in this JVM.
 */
class StarterContractIT extends HttpContractSuite {

    /** The whole application: the starter configures the rest. */
    @SpringBootApplication
    static class SmallApp {}

    /** The app, with a short publish timeout so the outage tests answer 503 quickly. */
    @RegisterExtension
    static final ShellUnderTest shell =
            SpringTestApps.shellUnderTest("the app", SmallApp.class, "--reservekit.publish-timeout=3s");
}
