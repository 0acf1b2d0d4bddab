package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.ContractDocuments;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The contracts as files: {@code /openapi.yaml}, {@code /asyncapi.yaml}, {@code /schemas/<ce_type>.json}. */
@Controller
@Requires(property = "reservekit.http.enabled", notEquals = "false")
class DocumentsController {

    @Get(uris = {ContractDocuments.OPENAPI, ContractDocuments.ASYNCAPI, ContractDocuments.SCHEMAS + "{name}"})
    HttpResponse<byte[]> document(HttpRequest<?> request, String name) {
        return ContractDocuments.find(request.getPath())
                .<HttpResponse<byte[]>>map(
                        document -> HttpResponse.ok(document.content()).contentType(document.mediaType()))
                .orElseGet(HttpResponse::notFound);
    }
}
