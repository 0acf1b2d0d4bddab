package io.github.reservekit.micronaut.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.Problem;
import io.github.reservekit.http.ReservationProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Reads a {@code POST /reservations} body as strictly as spring-app's Jackson setup (unknown properties fail,
 * no scalar coercion, no float as int). micronaut-serde cannot be told to: bound to
 * {@link PlaceReservationRequest} it truncates {@code 2.5} to {@code 2}, turns {@code "2"} into {@code 2} and
 * {@code 5} into {@code "5"}, and names an unknown property only inside its message. So the body is parsed to
 * micronaut-json's tree and every member checked here; what is wrong becomes the problem of
 * {@link ReservationProblems}, thrown as {@link RejectedRequest} for {@link ApiErrors} to render.
 */
@Singleton
class StrictJsonBody {

    private static final JsonFactory TOKENS = new JsonFactory();

    private final JsonMapper json;

    StrictJsonBody(JsonMapper json) {
        this.json = json;
    }

    /** A request refused before it reached the core (its body or a parameter), with the problem to answer. */
    static final class RejectedRequest extends RuntimeException {
        private final transient Problem problem;

        RejectedRequest(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /**
     * @throws RejectedRequest for a body that is not a JSON object, names an unknown member, or holds a value of
     *     the wrong JSON type; a {@code null} member counts as missing and is left for the core to report
     */
    PlaceReservationRequest placeReservationRequest(@Nullable String body) {
        JsonNode tree = parse(body);
        if (tree == null || !tree.isObject()) {
            throw new RejectedRequest(ReservationProblems.malformedJson());
        }
        for (Map.Entry<String, JsonNode> member : tree.entries()) {
            if (!PlaceReservationRequest.FIELDS.contains(member.getKey())) {
                throw new RejectedRequest(ReservationProblems.unknownField(member.getKey()));
            }
        }
        return new PlaceReservationRequest(
                text(tree, "resourceId"),
                text(tree, "guestName"),
                wholeNumber(tree, "partySize"),
                text(tree, "startsAt"),
                text(tree, "endsAt"));
    }

    private @Nullable JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank() || !oneJsonValue(body)) {
            return null;
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
    }

    /**
     * Whether the body is exactly one JSON value: Micronaut's mapper stops after the first and ignores the rest,
     * where spring-app's Jackson refuses trailing tokens ({@code {"a":1} junk} is malformed in both shells).
     */
    private static boolean oneJsonValue(String body) {
        try (JsonParser parser = TOKENS.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException malformed) {
            return false;
        }
    }

    private static @Nullable String text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new RejectedRequest(ReservationProblems.wrongType(field));
        }
        return value.getStringValue();
    }

    private static @Nullable Integer wholeNumber(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !fitsAnInt(value.getNumberValue())) {
            throw new RejectedRequest(ReservationProblems.wrongType(field));
        }
        return value.getIntValue();
    }

    /** Integral JSON tokens only, as Jackson with ACCEPT_FLOAT_AS_INT off: {@code 2.0} is refused like 2.5. */
    private static boolean fitsAnInt(Number number) {
        return switch (number) {
            case Integer i -> true;
            case Long l -> l == l.intValue();
            case BigInteger big -> big.bitLength() < Integer.SIZE;
            case Short s -> true;
            case Byte b -> true;
            case BigDecimal decimal -> false;
            default -> false;
        };
    }
}
