package io.github.reservekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** spring-app's Swagger UI (springdoc) shows the shipped /openapi.yaml, not a document generated from the code. */
class SwaggerUiIT {

    @Test
    void swagger_ui_loads_the_shipped_openapi_document() {
        try (var kafka = InJvmKafkaCluster.single();
                var app = SpringApplication.run(
                        ReserveKitSpringApplication.class,
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // The app starts at once; ReserveKit serves once its follower has replayed the topic.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> app.getBean(ReserveKitKafka.class).follower().isCaughtUp());
            var api = new ApiClient(URI.create("http://localhost:" + port));

            var page = api.get("/swagger-ui/index.html", "Accept", "text/html");
            var config = api.get("/v3/api-docs/swagger-config", "Accept", "*/*");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui");
            assertThat(config.status()).as(config.body()).isEqualTo(200);
            assertThat(config.json().path("url").asText()).isEqualTo("/reservekit/openapi.yaml");
            assertThat(api.get("/v3/api-docs").json().path("paths").size())
                    .as("springdoc's generated document describes nothing beside the shipped one")
                    .isZero();
        }
    }
}
