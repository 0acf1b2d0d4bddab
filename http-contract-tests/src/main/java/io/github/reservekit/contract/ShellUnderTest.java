package io.github.reservekit.contract;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A shell's app on a Kafka broker of its own in this JVM, for one test class: the {@link ContractTarget} of the
 * shells' integration tests. Register it as a static {@code @RegisterExtension} field: before the class's tests it
 * starts the broker, then the app (through the test's {@link ShellStarter}), and waits until ReserveKit has replayed
 * the topic; after them it stops both. It can take the broker away from the app and give it back. It is the {@link
 * ContractTarget} parameter of the class's methods, which is how the shared suites find it.
 */
public final class ShellUnderTest
        implements ContractTarget, AutoCloseable, BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final String name;
    private final ShellPaths paths;
    private final ShellStarter starter;
    private InJvmKafkaCluster kafka;
    private RunningApp app;

    /**
     * @param name what the failure messages call the app, e.g. {@code spring-app}
     * @param paths where the shell serves health and metrics
     * @param starter starts the app on the broker's bootstrap servers
     */
    public ShellUnderTest(String name, ShellPaths paths, ShellStarter starter) {
        this.name = Objects.requireNonNull(name, "name");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /** Starts the broker and the app; returns once ReserveKit in the app serves. */
    public void start() {
        kafka = InJvmKafkaCluster.single();
        app = starter.start(kafka.bootstrapServers()).awaitCaughtUp();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ContractTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    /** Stops the app, then the broker. */
    @Override
    public void close() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Override
    public URI baseUri() {
        return app.baseUri();
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String healthPath() {
        return paths.health();
    }

    @Override
    public String metricsPath() {
        return paths.metrics();
    }

    @Override
    public boolean canStopKafka() {
        return true;
    }

    @Override
    public void stopKafka() {
        kafka.brokerIds().forEach(kafka::stopBroker);
    }

    @Override
    public void startKafka() {
        kafka.stoppedBrokerIds().forEach(kafka::startBroker);
        await(name + " UP again after Kafka came back")
                .atMost(Duration.ofSeconds(60))
                .until(() -> app.api().get(paths.health()).status() == 200);
    }
}
