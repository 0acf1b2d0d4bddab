package io.github.reservekit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contracts as files tools can load, and the page, served alike by every shell under ReserveKit's own prefix
 * ({@code reservekit.http.prefix}, {@value #DEFAULT_PREFIX} by default; never the application's {@code /}):
 * {@code <prefix>/openapi.yaml} (the HTTP API, OpenAPI 3.1), {@code <prefix>/asyncapi.yaml} (the topic, AsyncAPI
 * 3.0), {@code <prefix>/schemas/<ce_type>.json} (the JSON Schema of each event type) and the page
 * ({@code <prefix>/}, with {@code reservekit.css} and {@code reservekit.js}). The files are class-path resources of
 * reservation-http ({@code reservekit/openapi.yaml}, {@code reservekit/page/}) and kafka-adapter
 * ({@code reservekit/asyncapi.yaml}, {@code schemas/}); nothing else on the class path is ever served.
 */
public final class ContractDocuments {

    /** The prefix of the page and the documents when {@code reservekit.http.prefix} is not set. */
    public static final String DEFAULT_PREFIX = "/reservekit";

    /** The paths, under the prefix, a shell maps to {@link #find}. */
    public static final String OPENAPI = "/openapi.yaml";

    public static final String ASYNCAPI = "/asyncapi.yaml";
    public static final String SCHEMAS = "/schemas/";

    /** The media type of the YAML documents. */
    public static final String YAML = "application/yaml";

    /** The media type of the schemas. */
    public static final String SCHEMA_JSON = "application/schema+json";

    /** The page's files under the prefix: {@code /} (the page itself), its style and its script. */
    public static final String PAGE = "/";

    public static final String PAGE_STYLE = "/reservekit.css";
    public static final String PAGE_SCRIPT = "/reservekit.js";

    private static final Pattern PREFIX = Pattern.compile("(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+)+");

    private static final Pattern SCHEMA_NAME =
            Pattern.compile("io\\.github\\.reservekit\\.(reservation\\.[a-z]+|resource\\.defined)\\.v\\d+\\.json");

    private ContractDocuments() {}

    /** One document: its bytes and media type. */
    public record Document(byte[] content, String mediaType) {}

    /**
     * The prefix as configured, checked: one or more path segments, with a leading and no trailing slash, as the
     * shells map it verbatim ({@code /reservekit}, {@code /tools/booking}); null means the default.
     *
     * @throws IllegalArgumentException naming {@code reservekit.http.prefix} if it is empty or {@code /} (the
     *     application's own root is never ReserveKit's) or not written as such a path
     */
    public static String prefix(String configured) {
        String prefix = configured == null ? DEFAULT_PREFIX : configured;
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("reservekit.http.prefix must be a path of its own, with a leading and"
                    + " no trailing slash, such as " + DEFAULT_PREFIX + " (never the application's /), was '"
                    + configured + "'");
        }
        return prefix;
    }

    /**
     * The page for a prefix: {@code index.html} with the way to the API, relative to {@code <prefix>/} (so it holds
     * under any servlet or server context path).
     */
    public static Document page(String prefix) {
        String checked = prefix(prefix);
        String toRoot = "../".repeat((int) checked.chars().filter(c -> c == '/').count());
        var page = load("reservekit/page/index.html", "text/html")
                .orElseThrow(() -> new IllegalStateException("reservekit/page/index.html is missing"));
        String html = new String(page.content(), StandardCharsets.UTF_8).replace("{{reservekit.api}}", toRoot);
        return new Document(html.getBytes(StandardCharsets.UTF_8), "text/html;charset=utf-8");
    }

    /**
     * The document or page file served at {@code path} under the prefix (e.g.
     * {@code /schemas/io.github.reservekit.reservation.placed.v1.json}, {@code /reservekit.js}); the page itself
     * comes from {@link #page}.
     */
    public static Optional<Document> find(String path) {
        if (PAGE_STYLE.equals(path)) {
            return load("reservekit/page/reservekit.css", "text/css;charset=utf-8");
        }
        if (PAGE_SCRIPT.equals(path)) {
            return load("reservekit/page/reservekit.js", "text/javascript;charset=utf-8");
        }
        if (OPENAPI.equals(path)) {
            return load("reservekit/openapi.yaml", YAML);
        }
        if (ASYNCAPI.equals(path)) {
            // On the class path the schemas sit in ../schemas/ of the document; served, they sit beside it.
            return load("reservekit/asyncapi.yaml", YAML)
                    .map(document -> new Document(
                            new String(document.content(), StandardCharsets.UTF_8)
                                    .replace("\"../schemas/", "\"schemas/")
                                    .getBytes(StandardCharsets.UTF_8),
                            YAML));
        }
        if (path != null && path.startsWith(SCHEMAS)) {
            String name = path.substring(SCHEMAS.length());
            return SCHEMA_NAME.matcher(name).matches() ? load("schemas/" + name, SCHEMA_JSON) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Document> load(String resource, String mediaType) {
        try (InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new Document(in.readAllBytes(), mediaType));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + resource, unreadable);
        }
    }
}
