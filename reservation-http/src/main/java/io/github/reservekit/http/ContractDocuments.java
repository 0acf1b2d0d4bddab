package io.github.reservekit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contracts as files tools can load, served alike by every shell: {@code /openapi.yaml} (the HTTP API, OpenAPI
 * 3.1), {@code /asyncapi.yaml} (the topic, AsyncAPI 3.0) and {@code /schemas/<ce_type>.json} (the JSON Schema of
 * each event type, the path of its {@code ce_dataschema}). The files are class-path resources of
 * reservation-http ({@code reservekit/openapi.yaml}) and kafka-adapter ({@code reservekit/asyncapi.yaml},
 * {@code schemas/}); nothing else on the class path is ever served.
 */
public final class ContractDocuments {

    /** The paths a shell maps to {@link #find}. */
    public static final String OPENAPI = "/openapi.yaml";

    public static final String ASYNCAPI = "/asyncapi.yaml";
    public static final String SCHEMAS = "/schemas/";

    /** The media type of the YAML documents. */
    public static final String YAML = "application/yaml";

    /** The media type of the schemas. */
    public static final String SCHEMA_JSON = "application/schema+json";

    private static final Pattern SCHEMA_NAME =
            Pattern.compile("io\\.github\\.reservekit\\.reservation\\.[a-z]+\\.v\\d+\\.json");

    private ContractDocuments() {}

    /** One document: its bytes and media type. */
    public record Document(byte[] content, String mediaType) {}

    /** The document served at {@code path} (e.g. {@code /schemas/io.github.reservekit.reservation.placed.v1.json}). */
    public static Optional<Document> find(String path) {
        if (OPENAPI.equals(path)) {
            return load("reservekit/openapi.yaml", YAML);
        }
        if (ASYNCAPI.equals(path)) {
            return load("reservekit/asyncapi.yaml", YAML);
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
