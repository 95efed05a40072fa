package io.archivist.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R6: the values a record holds for its type's unique attributes, in one canonical text form
 * that every store compares by equality. Strings compare exactly; numbers by value (1 and 1.0
 * are the same); an absent or null attribute holds nothing. Only scalars can be unique.
 */
public final class UniqueValues {

    private UniqueValues() {}

    /** attribute name → canonical value, for each unique attribute the record holds. */
    public static Map<String, String> of(ObjectType type, Map<String, Object> attributes) {
        Map<String, String> held = new LinkedHashMap<>();
        for (String attribute : type.unique()) {
            Object value = attributes.get(attribute);
            if (value != null) {
                held.put(attribute, canonical(attribute, value));
            }
        }
        return held;
    }

    public static String canonical(String attribute, Object value) {
        if (value instanceof String text) {
            return "s:" + text;
        }
        if (value instanceof Boolean flag) {
            return "b:" + flag;
        }
        if (value instanceof Number number) {
            try {
                return "n:"
                        + new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                throw ArchivistException.invalid("unique attribute '" + attribute + "' must be a finite number");
            }
        }
        throw ArchivistException.invalid("unique attribute '" + attribute + "' must be a string, number or boolean");
    }
}
