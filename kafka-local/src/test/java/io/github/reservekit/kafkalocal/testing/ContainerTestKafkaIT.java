package io.github.reservekit.kafkalocal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafkalocal.KafkaVersion;
import io.github.reservekit.kafkalocal.testing.junit.EnabledIfDockerAvailable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Kafka in Testcontainers' {@code apache/kafka} image of our version; SKIPPED (with the reason) without Docker. */
@EnabledIfDockerAvailable
class ContainerTestKafkaIT {

    @Test
    void the_container_runs_the_kafka_version_of_the_build() throws Exception {
        try (var kafka = ContainerTestKafka.start();
                var admin = Admin.create(java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
                    .hasSize(1);
            assertThat(ContainerTestKafka.IMAGE).isEqualTo("apache/kafka:" + KafkaVersion.VERSION);
        }
    }
}
