package io.github.reservekit.kafkalocal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The automatically chosen backend serves clients, and is the same instance for every test of the run. */
@SharedKafka
class TestKafkaChoiceIT {

    @Test
    void the_shared_backend_is_a_running_kafka(TestKafka kafka) throws Exception {
        try (var admin = Admin.create(java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            var nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);

            assertThat(nodes).hasSize(kafka.brokerCount());
        }
    }

    @Test
    void every_test_gets_the_same_backend(TestKafka first, TestKafka second) {
        assertThat(first).isSameAs(second);
        assertThat(first.description()).isNotBlank();
    }
}
