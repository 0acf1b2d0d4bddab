package io.github.reservekit.http;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.reservekit.reservation.domain.FieldViolation;
import java.io.IOException;
import java.util.List;

/**
 * Reads a request body exactly as it is written, with Jackson set so that a client's mistake is refused rather
 * than guessed at: one JSON value and nothing after it; no member the target type does not declare; each value in
 * its own JSON type: no number or boolean where text goes, no text, fraction ({@code 2.5}, {@code 2.0}) or boolean
 * where a whole number goes, no number beyond the target's range. A {@code null} member reads as absent.
 * Targets are records of text ({@code String}) and whole numbers ({@code Integer}) only: the rule a refused value
 * is reported with says which of the two its member takes. Thread-safe.
 */
final class StrictJson {

    static final String NOT_TEXT = "must be a JSON string";
    static final String NOT_A_WHOLE_NUMBER = "must be a whole number";
    static final String UNKNOWN = "is not a known field";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // no "2" -> 2, no true -> 1, no "" -> null for numbers
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Jackson turns scalars into text unless told not to: 5 -> "5", true -> "true"
            .withCoercionConfig(
                    LogicalType.Textual,
                    text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private StrictJson() {}

    /**
     * @param body UTF-8 JSON; {@code null} or empty is not a JSON object
     * @throws InvalidRequestException if {@code body} is not one well-formed JSON object, or naming the first
     *     member that is unknown or holds a value of the wrong JSON type
     */
    static <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = body == null ? null : MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw InvalidRequestException.invalid(List.of(new FieldViolation(unknown.getPropertyName(), UNKNOWN)));
        } catch (IOException unreadable) {
            throw wrongTypeOrMalformed(unreadable);
        }
        if (value == null) { // the body is empty or the JSON literal null
            throw InvalidRequestException.malformedJson();
        }
        return value;
    }

    /** {@code value} (plain maps, lists, strings and numbers) as UTF-8 JSON, maps in their own order. */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException cannotHappen) { // plain maps, lists, strings and numbers always serialise
            throw new java.io.UncheckedIOException(cannotHappen);
        }
    }

    /**
     * A value Jackson could not bind to its member names the member; anything else (a syntax error, even one
     * inside a member's string; a body that is not an object) is malformed JSON.
     */
    private static InvalidRequestException wrongTypeOrMalformed(IOException unreadable) {
        Class<?> expected = null;
        if (unreadable instanceof MismatchedInputException mismatched) {
            expected = mismatched.getTargetType();
        } else if (unreadable.getCause() instanceof InputCoercionException outOfRange) {
            expected = outOfRange.getTargetType(); // a number beyond int, wrapped with the member's path
        }
        String member = unreadable instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? mapping.getPath().getFirst().getFieldName()
                : null;
        if (expected == null || member == null) {
            return InvalidRequestException.malformedJson();
        }
        return InvalidRequestException.invalid(
                List.of(new FieldViolation(member, expected == String.class ? NOT_TEXT : NOT_A_WHOLE_NUMBER)));
    }
}
