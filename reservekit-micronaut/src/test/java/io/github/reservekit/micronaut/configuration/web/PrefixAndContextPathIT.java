package io.github.reservekit.micronaut.configuration.web;

import static io.github.reservekit.contract.HostAppChecks.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.HostAppChecks;
import io.github.reservekit.micronaut.configuration.FakePublisherFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In a host app with a server context path and a page of its own at {@code /}: ReserveKit's page and documents live
 * under their prefix, the host keeps its {@code /}, and Location headers and the page's way to the API hold within
 * the context path. The core runs on the fake publisher (no Kafka).
 */
class PrefixAndContextPathIT {

    private static final String HOST_PAGE = "reservekit.test.host-page";

    @Controller
    @Requires(property = HOST_PAGE, value = "true")
    static class HostPage {
        @Get
        @Produces("text/plain")
        String home() {
            return "the host's own page";
        }
    }

    private static EmbeddedServer start(Map<String, Object> more) {
        var properties = new HashMap<String, Object>(Map.of(
                "micronaut.server.port",
                -1,
                "micronaut.server.context-path",
                "/shop",
                FakePublisherFactory.ENABLED,
                "true",
                "kafka.enabled",
                false,
                HOST_PAGE,
                "true",
                "reservekit.http.all-errors-as-problems",
                false));
        properties.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static URI base(EmbeddedServer server) {
        return URI.create("http://localhost:" + server.getPort() + "/shop/");
    }

    @Test
    void the_host_keeps_its_root_and_reservekit_answers_under_its_prefix_within_the_context_path() throws Exception {
        try (var server = start(Map.of())) {
            HostAppChecks.assertReserveKitAnswersUnderItsPrefix(base(server), "/shop", 308);
        }
    }

    @Test
    void a_prefix_of_its_own_choosing_and_the_api_switched_off_takes_the_page_too() throws Exception {
        try (var server = start(Map.of("reservekit.http.prefix", "/tools/booking"))) {
            var page = get(base(server).resolve("tools/booking/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<meta name=\"reservekit-api\" content=\"../../\">");
        }
        try (var server = start(Map.of("reservekit.http.enabled", "false"))) {
            assertThat(get(base(server).resolve("reservekit/")).statusCode()).isEqualTo(404);
            assertThat(get(base(server)).body()).isEqualTo("the host's own page");
        }
    }
}
