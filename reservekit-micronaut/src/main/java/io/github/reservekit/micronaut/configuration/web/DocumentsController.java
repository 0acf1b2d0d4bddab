package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.ContractDocuments;
import io.github.reservekit.http.ReservationProblems;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/** The contracts as files: {@code /openapi.yaml}, {@code /asyncapi.yaml}, {@code /schemas/<ce_type>.json}. */
@Controller
@Requires(property = "reservekit.http.enabled", notEquals = "false")
class DocumentsController {

    /** @param name the schema's file name; {@link ContractDocuments#find} reads the whole path */
    @Get(uris = {ContractDocuments.OPENAPI, ContractDocuments.ASYNCAPI, ContractDocuments.SCHEMAS + "{name}"})
    HttpResponse<?> document(HttpRequest<?> request, @Nullable @PathVariable String name) {
        return ContractDocuments.find(request.getPath())
                .<HttpResponse<?>>map(
                        document -> HttpResponse.ok(document.content()).contentType(document.mediaType()))
                .orElseGet(
                        () -> ApiErrors.render(ReservationProblems.noSuchEndpoint(), request, HttpResponse.notFound()));
    }
}
