package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.ContractDocuments;
import io.github.reservekit.http.ContractDocuments.Document;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page and the contracts as files, under ReserveKit's own prefix ({@code reservekit.http.prefix},
 * {@code /reservekit} by default; never the application's {@code /}): {@code <prefix>/} (the page, its
 * {@code reservekit.css} and {@code reservekit.js}), {@code <prefix>/openapi.yaml}, {@code <prefix>/asyncapi.yaml},
 * {@code <prefix>/schemas/<ce_type>.json}. Every path is within the servlet context path, and the page reaches the
 * API relative to itself, so a context path needs nothing more.
 */
@RestController
class DocumentsController {

    static final String PREFIX = "${reservekit.http.prefix:" + ContractDocuments.DEFAULT_PREFIX + "}";

    private final String prefix;

    DocumentsController(String prefix) {
        this.prefix = ContractDocuments.prefix(prefix);
    }

    /** Without its slash the page's relative links would miss: the prefix itself redirects to it. */
    @GetMapping(PREFIX)
    ResponseEntity<Void> toPage() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(prefix.substring(prefix.lastIndexOf('/') + 1) + "/"))
                .build();
    }

    @GetMapping(PREFIX + ContractDocuments.PAGE)
    ResponseEntity<byte[]> page() {
        return answer(ContractDocuments.page(prefix));
    }

    @GetMapping({
        PREFIX + ContractDocuments.PAGE_STYLE,
        PREFIX + ContractDocuments.PAGE_SCRIPT,
        PREFIX + ContractDocuments.OPENAPI,
        PREFIX + ContractDocuments.ASYNCAPI
    })
    ResponseEntity<byte[]> file(HttpServletRequest request) {
        // The path within the prefix; the servlet path excludes the context path.
        String path = request.getServletPath().substring(prefix.length());
        return answer(
                ContractDocuments.find(path).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    @GetMapping(PREFIX + ContractDocuments.SCHEMAS + "{name}")
    ResponseEntity<byte[]> schema(@PathVariable String name) {
        return answer(ContractDocuments.find(ContractDocuments.SCHEMAS + name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static ResponseEntity<byte[]> answer(Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .body(document.content());
    }
}
