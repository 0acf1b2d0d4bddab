package io.github.reservekit.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.net.URI;

/**
 * This app is ReserveKit alone, so its {@code /} sends visitors to ReserveKit's page, which lives under ReserveKit's
 * own prefix like in any other app.
 */
@Controller
class PageRedirect {

    @Get
    HttpResponse<?> toPage() {
        // Relative, so it holds under a server context path too.
        return HttpResponse.seeOther(URI.create("reservekit/"));
    }
}
