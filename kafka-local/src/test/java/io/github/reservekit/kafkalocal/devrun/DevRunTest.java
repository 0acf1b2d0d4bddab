package io.github.reservekit.kafkalocal.devrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dev run against a configured cluster: it starts no broker, and its banner says where everything is. */
class DevRunTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void the_reset_argument_never_reaches_the_app() {
        var run = DevRun.start(
                "spring-app",
                "bin/run-spring",
                new String[] {"--server.port=8090", "--reset"},
                Optional.of("localhost:19092"),
                out);

        assertThat(run.appArgs()).containsExactly("--server.port=8090");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--reset ignored");
    }

    @Test
    void with_kafka_configured_it_starts_no_broker_and_the_banner_names_that_cluster() {
        var run = DevRun.start(
                "micronaut-app", "bin/run-micronaut", new String[0], Optional.of("localhost:9093,localhost:9094"), out);

        run.printBanner(URI.create("http://localhost:8081"), "/health");

        assertThat(run.startedBroker()).isFalse();
        assertThat(run.bootstrapServers()).isEqualTo("localhost:9093,localhost:9094");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("page     http://localhost:8081/")
                .contains("health   http://localhost:8081/health")
                .contains("localhost:9093,localhost:9094 (configured: this run starts no broker)")
                .contains("bin/kafka-topics --bootstrap-server localhost:9093 --list")
                .contains(
                        "bin/kafka-console-consumer --bootstrap-server localhost:9093 --topic reserve --from-beginning");
    }
}
