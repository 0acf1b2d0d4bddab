package io.github.reservekit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Speaks plain HTTP to a shell, as any client of the API would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final Consumer<Response> observer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI baseUri) {
        this(baseUri, response -> {});
    }

    /** A client that hands every response to {@code observer} (e.g. {@link OpenApiContract#check}) first. */
    public ApiClient(URI baseUri, Consumer<Response> observer) {
        this.baseUri = baseUri;
        this.observer = observer;
    }

    /** A response, with its body read as text. */
    public record Response(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The media type without parameters, e.g. {@code application/problem+json}. */
        public String mediaType() {
            return header("Content-Type").map(type -> type.split(";")[0].trim()).orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body(), e);
            }
        }
    }

    public Response postJson(String path, String body, String... headers) {
        return post(path, "application/json", body, headers);
    }

    public Response post(String path, String contentType, String body, String... headers) {
        var request = request(path, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    public Response patch(String path, String contentType, String body, String... headers) {
        var request = request(path, headers)
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    public Response putJson(String path, String body, String... headers) {
        var request = request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    /** A GET; {@code headers} are name-value pairs that replace the defaults, e.g. {@code "Accept", "text/plain"}. */
    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response send(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var raw = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var response = new Response(raw.statusCode(), raw);
            observer.accept(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + path(request), e);
        }
    }

    private static String path(HttpRequest.Builder request) {
        return request.build().uri().toString();
    }
}
