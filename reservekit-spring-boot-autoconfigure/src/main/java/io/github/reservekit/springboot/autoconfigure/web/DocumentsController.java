package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.ContractDocuments;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The contracts as files: {@code /openapi.yaml}, {@code /asyncapi.yaml}, {@code /schemas/<ce_type>.json}. */
@RestController
class DocumentsController {

    @GetMapping({ContractDocuments.OPENAPI, ContractDocuments.ASYNCAPI, ContractDocuments.SCHEMAS + "{name}"})
    ResponseEntity<byte[]> document(HttpServletRequest request) {
        var document = ContractDocuments.find(request.getRequestURI())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .body(document.content());
    }
}
