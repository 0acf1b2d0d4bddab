package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.ContractDocuments;
import io.github.reservekit.http.ReservationProblems;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import java.net.URI;

/**
 * The page and the contracts as files, under ReserveKit's own prefix ({@code reservekit.http.prefix},
 * {@code /reservekit} by default; never the application's {@code /}): {@code <prefix>/} (the page, its
 * {@code reservekit.css} and {@code reservekit.js}), {@code <prefix>/openapi.yaml}, {@code <prefix>/asyncapi.yaml},
 * {@code <prefix>/schemas/<ce_type>.json}. The page reaches the API relative to itself, so a server context path
 * needs nothing more.
 */
@Controller(DocumentsController.PREFIX)
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "reservekit.http.enabled", notEquals = "false")
class DocumentsController {

    static final String PREFIX = "${reservekit.http.prefix:" + ContractDocuments.DEFAULT_PREFIX + "}";

    private final String prefix;

    DocumentsController(@Value(PREFIX) String prefix) {
        this.prefix = ContractDocuments.prefix(prefix);
    }

    /**
     * The page at {@code <prefix>/}; Micronaut routes the prefix with and without its slash alike, and without it
     * the page's relative links would miss, so that one redirects to it.
     */
    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.permanentRedirect(URI.create(prefix.substring(prefix.lastIndexOf('/') + 1) + "/"));
        }
        var page = ContractDocuments.page(prefix);
        return HttpResponse.ok(page.content()).contentType(page.mediaType());
    }

    /** @param name the schema's file name */
    @Get(
            uris = {
                ContractDocuments.PAGE_STYLE,
                ContractDocuments.PAGE_SCRIPT,
                ContractDocuments.OPENAPI,
                ContractDocuments.ASYNCAPI,
                ContractDocuments.SCHEMAS + "{name}"
            })
    @Produces(MediaType.ALL)
    HttpResponse<?> document(HttpRequest<?> request, @Nullable @PathVariable String name) {
        String path = request.getPath();
        // The path within the prefix (after the server's context path, if any).
        String within = path.substring(path.indexOf(prefix) + prefix.length());
        return ContractDocuments.find(within)
                .<HttpResponse<?>>map(
                        document -> HttpResponse.ok(document.content()).contentType(document.mediaType()))
                .orElseGet(
                        () -> ApiErrors.render(ReservationProblems.noSuchEndpoint(), request, HttpResponse.notFound()));
    }
}
