package io.github.reservekit.springboot.autoconfigure.web;

import static io.github.reservekit.contract.HostAppChecks.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.HostAppChecks;
import io.github.reservekit.springboot.autoconfigure.CoreOnARecordingPublisher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * In a host app with a servlet context path and a page of its own at {@code /}: ReserveKit's page and documents live
 * under their prefix, the host keeps its {@code /}, and Location headers and the page's way to the API hold within
 * the context path. The core runs on an in-memory publisher (no Kafka).
 */
class PrefixAndContextPathIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CoreOnARecordingPublisher.class)
    static class HostApp {
        @Bean
        HostPage hostPage() {
            return new HostPage();
        }
    }

    @RestController
    static class HostPage {
        @GetMapping("/")
        String home() {
            return "the host's own page";
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(HostApp.class)
                .properties("server.port=0", "server.servlet.context-path=/shop", "reservekit.enabled=false")
                .properties(properties)
                .run();
    }

    private static URI base(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://localhost:" + port + "/shop/");
    }

    @Test
    void the_host_keeps_its_root_and_reservekit_answers_under_its_prefix_within_the_context_path() throws Exception {
        try (var app = start()) {
            var base = base(app);

            HostAppChecks.assertReserveKitAnswersUnderItsPrefix(base, "/shop", 301);
            // The page's own way to the API, resolved as the browser does, lands on the API in the context path.
            assertThat(base.resolve("reservekit/").resolve("../").resolve("reservations"))
                    .isEqualTo(base.resolve("reservations"));
            assertThat(get(base.resolve("reservekit.js")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_prefix_of_its_own_choosing_and_the_api_switched_off_takes_the_page_too() throws Exception {
        try (var app = start("reservekit.http.prefix=/tools/booking")) {
            var page = get(base(app).resolve("tools/booking/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<meta name=\"reservekit-api\" content=\"../../\">");
        }
        try (var app = start("reservekit.http.prefix=/")) {
            throw new AssertionError("started with ReserveKit's prefix at the host's root");
        } catch (RuntimeException refused) {
            assertThat(refused).rootCause().hasMessageContaining("reservekit.http.prefix");
        }
        try (var app = start("reservekit.http.enabled=false")) {
            assertThat(get(base(app).resolve("reservekit/")).statusCode()).isEqualTo(404);
            assertThat(get(base(app)).body()).isEqualTo("the host's own page");
        }
    }
}
