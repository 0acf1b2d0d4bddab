package io.github.reservekit.kafka.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code reservekit.*} values as text from a property lookup (Spring's {@code Environment::getProperty},
 * Micronaut's, {@code System::getProperty}...); an unset or blank key reads its default, parsed as a set value would
 * be. A value that cannot be read is refused naming its full key.
 */
final class SettingText {

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Function<String, String> property;

    SettingText(Function<String, String> property) {
        this.property = Objects.requireNonNull(property, "property");
    }

    /** The value of {@code reservekit.<key>}, stripped, or {@code absent} when unset or blank. */
    String text(String key, String absent) {
        String value = property.apply(ReserveKitSettings.PREFIX + key);
        return value == null || value.isBlank() ? absent : value.strip();
    }

    boolean bool(String key, String absent) {
        String value = text(key, absent);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused(key, "must be true or false", value);
        };
    }

    long number(String key, String absent) {
        String value = text(key, absent);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw refused(key, "must be a whole number", value);
        }
    }

    /**
     * {@code 500ms}, {@code 5s}, {@code 5m}, {@code 2h}, {@code 400d}, a plain number of milliseconds, or ISO-8601
     * ({@code PT5S}); null when unset and {@code absent} is null.
     */
    Duration duration(String key, String absent) {
        String value = text(key, absent);
        if (value == null) {
            return null;
        }
        var matcher = AMOUNT_AND_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofMillis(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException unreadable) {
            throw refused(key, "must be a duration such as 500ms, 5s, 5m, 400d or PT5S", value);
        }
    }

    private static IllegalArgumentException refused(String key, String rule, String value) {
        return new IllegalArgumentException(ReserveKitSettings.PREFIX + key + " " + rule + ", was '" + value + "'");
    }
}
