package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.DefineResourceCommand;
import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code PUT /resources/{resourceId}} (CONTRACT.md version 3, section 4.1): {@code capacity} (1 to
 * 10,000) and an optional {@code name} (1 to 200 characters). Read once for both shells; unknown members are refused
 * like in every body.
 */
public record DefineResourceRequest(Integer capacity, String name) {

    /**
     * Reads one request into the core's command.
     *
     * @param resourceId the path's resource id
     * @param ifMatch the {@code If-Match} header, or {@code null}
     * @throws InvalidRequestException if the body is not one JSON object, or naming every field that breaks a rule
     */
    public static DefineResourceCommand parse(String resourceId, byte[] body, String ifMatch) {
        var request = StrictJson.read(body, DefineResourceRequest.class);
        var violations = new ArrayList<FieldViolation>();
        check(violations, () -> new ResourceId(resourceId));
        if (request.capacity() == null) {
            violations.add(new FieldViolation("capacity", PlaceReservationRequest.IS_REQUIRED));
        } else {
            check(violations, () -> Resource.checkCapacity(request.capacity()));
        }
        if (request.name() != null) {
            check(violations, () -> Resource.checkName(request.name()));
        }
        Optional<Long> version = Optional.empty();
        try {
            version = ResourceView.ifMatch(ifMatch);
        } catch (InvalidRequestException broken) {
            violations.addAll(broken.violations());
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.invalid(violations);
        }
        return new DefineResourceCommand(
                new ResourceId(resourceId), request.capacity(), Optional.ofNullable(request.name()), version);
    }

    private static void check(List<FieldViolation> violations, Runnable rule) {
        try {
            rule.run();
        } catch (InvalidReservationException broken) {
            violations.addAll(broken.violations());
        }
    }
}
