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
}
