package io.github.reservekit.userapps.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.springboot.autoconfigure.CoreOnARecordingPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's app on the starter, with Spring Security on (HTTP basic, a user of its own) and every error answered as a
 * problem: the exceptions of its own controllers that its own machinery answers (an access denial, a
 * {@code @ResponseStatus}) keep their status, never a 500; its own bugs are ReserveKit's problem 500.
 */
class HostExceptionsIT {

    /** The API on an in-memory core, as a user's own tests run it without Kafka. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CoreOnARecordingPublisher.class)
    static class HostApp {
        @Bean
        HostController hostController() {
            return new HostController();
        }

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }
    }

    @ResponseStatus(HttpStatus.CONFLICT)
    static final class HostsOwnConflict extends RuntimeException {}

    @RestController
    static class HostController {
        @GetMapping("/admin")
        String admin() {
            throw new AccessDeniedException("not for you");
        }

        @GetMapping("/conflict")
        String conflict() {
            throw new HostsOwnConflict();
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void the_hosts_own_exceptions_keep_their_status_and_the_rest_is_a_problem() throws Exception {
        try (var app = new SpringApplicationBuilder(HostApp.class)
                .properties(
                        "server.port=0",
                        "reservekit.enabled=false",
                        "reservekit.http.all-errors-as-problems=true",
                        "spring.security.user.name=ada",
                        "spring.security.user.password=secret")
                .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var http = HttpClient.newHttpClient();
            var base = URI.create("http://localhost:" + port);

            // Signed in, so Spring Security answers the denial with 403 (an anonymous caller would be asked to sign
            // in).
            var ada = "Basic " + Base64.getEncoder().encodeToString("ada:secret".getBytes(StandardCharsets.UTF_8));
            var denied = http.send(
                    HttpRequest.newBuilder(base.resolve("/admin"))
                            .header("Authorization", ada)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var conflict = http.send(
                    HttpRequest.newBuilder(base.resolve("/conflict")).build(), HttpResponse.BodyHandlers.ofString());
            var broken = http.send(
                    HttpRequest.newBuilder(base.resolve("/broken")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }
}
