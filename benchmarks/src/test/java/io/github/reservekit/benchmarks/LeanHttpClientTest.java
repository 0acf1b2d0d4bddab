package io.github.reservekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.reservekit.benchmarks.blackbox.JarProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's client against the JDK's own HTTP server: what it sends, what it reads back, how it fails. */
class LeanHttpClientTest {

    private static final byte[] PROBLEM = "{\"outcome\":\"not-kept\"}".getBytes(StandardCharsets.UTF_8);

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/created", exchange -> answer(exchange, 201, PROBLEM.length));
        server.createContext("/chunked", exchange -> answer(exchange, 503, 0)); // length 0: chunked
        server.createContext("/stalled", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 201, PROBLEM.length);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void posts_the_json_and_reads_the_status_keeping_the_connection_for_the_next_request() throws IOException {
        try (var client = client("/created", Duration.ofSeconds(10))) {
            assertThat(client.postJson(json("first"))).isEqualTo(201);
            assertThat(client.postJson(json("second"))).isEqualTo(201);
        }

        assertThat(bodies).containsExactly("{\"guest\":\"first\"}", "{\"guest\":\"second\"}");
        assertThat(clientPorts).hasSize(2).containsOnly(clientPorts.getFirst());
    }

    @Test
    void reads_a_chunked_answer_to_its_end_so_the_connection_serves_the_next_one() throws IOException {
        try (var client = client("/chunked", Duration.ofSeconds(10))) {
            assertThat(client.postJson(json("first"))).isEqualTo(503);
            assertThat(client.postJson(json("second"))).isEqualTo(503);
        }

        assertThat(clientPorts).hasSize(2).containsOnly(clientPorts.getFirst());
    }

    @Test
    void a_port_nobody_listens_on_is_a_connection_failure() {
        var nobody = URI.create("http://127.0.0.1:" + JarProcess.freePort() + "/created");
        try (var client = new LeanHttpClient(nobody, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.postJson(json("x"))).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void no_answer_within_the_answer_timeout_is_a_timeout_not_a_connection_failure() {
        try (var client = client("/stalled", Duration.ofMillis(200))) {
            assertThatThrownBy(() -> client.postJson(json("x")))
                    .isInstanceOf(SocketTimeoutException.class)
                    .isNotInstanceOf(ConnectException.class);
        }
    }

    private LeanHttpClient client(String path, Duration answerTimeout) {
        var uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new LeanHttpClient(uri, Duration.ofSeconds(5), answerTimeout);
    }

    private static byte[] json(String guest) {
        return ("{\"guest\":\"" + guest + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange, int status, long length) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, length);
        try (var body = exchange.getResponseBody()) {
            body.write(PROBLEM);
        }
    }
}
