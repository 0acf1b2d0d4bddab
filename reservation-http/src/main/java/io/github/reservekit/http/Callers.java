package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.PrincipalName;
import java.security.Principal;
import java.util.Optional;

/**
 * The caller of a request as the core records and checks it ({@code placedBy}, {@code reservekit.owner-only}): the
 * name of the principal the host application's security authenticated, taken from the framework (Spring's
 * {@code HttpServletRequest.getUserPrincipal()}, Micronaut's {@code HttpRequest.getUserPrincipal()}); none for an
 * anonymous request. ReserveKit authenticates nobody itself.
 */
public final class Callers {

    private Callers() {}

    /**
     * The principal's name, or empty when there is no principal (or it has no name).
     *
     * @param principal the framework's principal of the request, or {@code null} when anonymous
     */
    public static Optional<PrincipalName> of(Principal principal) {
        if (principal == null
                || principal.getName() == null
                || principal.getName().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PrincipalName(principal.getName()));
    }
}
