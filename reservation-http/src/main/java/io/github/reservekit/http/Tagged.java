package io.github.reservekit.http;

import java.util.Objects;

/**
 * A body the API answers with and its {@code ETag} (CONTRACT.md section 4.2), which every shell sends as a header.
 *
 * @param body the view to render as JSON
 * @param etag the entity tag, quoted
 */
public record Tagged<T>(T body, String etag) {

    public Tagged {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
    }

    /**
     * {@code body} tagged with the version of what it shows, quoted as a strong entity tag: what a client sends back
     * in {@code If-Match} to change it only as it read it ({@code "0"} for a resource nobody defined).
     */
    static <T> Tagged<T> ofVersion(T body, long version) {
        return new Tagged<>(body, "\"" + version + "\"");
    }
}
