package io.github.reservekit.userapps.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.contract.HostAppChecks;
import io.github.reservekit.contract.PlacementJson;
import io.github.reservekit.contract.ShellUnderTest;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's own Micronaut app on the module with Micronaut Security on, as the README's "Security" section sets it
 * up ({@code application.yml} of this module's tests): its own page at {@code /}, URL rules of its own, HTTP Basic
 * with users of its own, Kafka from {@code kafka.bootstrap.servers} on a real broker, and
 * {@code reservekit.owner-only: true}: a reservation Ada placed is hers to cancel, not Bob's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredMicronautAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The app's own users: Ada and Bob, both guests. */
    @Singleton
    static class Users implements HttpRequestAuthenticationProvider<Object> {
        private static final Map<String, String> PASSWORDS = Map.of("ada", "ada-secret", "bob", "bob-secret");

        @Override
        public AuthenticationResponse authenticate(
                @Nullable HttpRequest<Object> request, AuthenticationRequest<String, String> credentials) {
            return credentials.getSecret().equals(PASSWORDS.get(credentials.getIdentity()))
                    ? AuthenticationResponse.success(credentials.getIdentity(), List.of("GUEST"))
                    : AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
    }

    /** The app, on a topic of its own. */
    @RegisterExtension
    static final ShellUnderTest app = MicronautTestApps.shellUnderTest(
            "the app", Map.of("reservekit.topic", "secured-" + UUID.randomUUID(), "reservekit.partitions", 1));

    private final HttpClient http = HttpClient.newHttpClient();

    private URI uri(String path) {
        return app.baseUri().resolve(path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(java.net.http.HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> place(String authorization) throws Exception {
        var body = PlacementJson.onANewTable().json();
        var request = java.net.http.HttpRequest.newBuilder(uri("/reservations"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return send(authorization == null ? request : request.header("Authorization", authorization));
    }

    private HttpResponse<String> cancel(String id, String authorization) throws Exception {
        return send(java.net.http.HttpRequest.newBuilder(uri("/reservations/" + id))
                .header("Authorization", authorization)
                .DELETE());
    }

    @Test
    void the_apps_own_page_stays_at_its_root_and_reservekits_page_is_under_its_prefix() throws Exception {
        HostAppChecks.assertOwnPageStaysAtItsRoot(app.baseUri(), "Chez Ada");
    }

    @Test
    void an_anonymous_write_is_the_hosts_to_refuse() throws Exception {
        assertThat(place(null).statusCode()).isEqualTo(401);
    }

    @Test
    void with_owner_only_bob_may_not_cancel_adas_reservation_and_ada_may() throws Exception {
        var placed = place(basic("ada", "ada-secret"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = JSON.readTree(placed.body()).path("id").asText();

        var bobs = cancel(id, basic("bob", "bob-secret"));

        HostAppChecks.assertRefusedAsNotTheOwner(bobs, id);
        var stillAdas = send(java.net.http.HttpRequest.newBuilder(uri("/reservations/" + id))
                .header("Authorization", basic("ada", "ada-secret")));
        assertThat(JSON.readTree(stillAdas.body()).path("status").asText()).isEqualTo("CONFIRMED");

        var adas = cancel(id, basic("ada", "ada-secret"));

        assertThat(adas.statusCode()).as(adas.body()).isEqualTo(200);
        assertThat(JSON.readTree(adas.body()).path("status").asText()).isEqualTo("CANCELLED");
    }
}
