package io.archivist.adapters.seed;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * YAML scalars as JSON values, by the YAML 1.2 core schema rather than SnakeYAML's YAML 1.1 one:
 * only {@code null}/{@code ~}, {@code true}/{@code false} and numbers are anything but strings, so
 * that {@code no}, {@code on} or {@code 2024-05-01T09:30:00Z} arrive as the text that was written.
 */
final class YamlScalars {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private YamlScalars() {}

    static Object value(ScalarEvent scalar) {
        String text = scalar.getValue();
        String tag = scalar.getTag();
        if (!scalar.isPlain() || (tag != null && tag.endsWith(":str"))) {
            return text;
        }
        if (NULL.matcher(text).matches()) {
            return null;
        }
        if (TRUE.matcher(text).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(text).matches()) {
            return Boolean.FALSE;
        }
        if (INT.matcher(text).matches()) {
            BigInteger number = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            return number.bitLength() < 32
                    ? (Object) number.intValue()
                    : number.bitLength() < 64 ? (Object) number.longValue() : number;
        }
        if (FLOAT.matcher(text).matches()) {
            double number = Double.parseDouble(text);
            return Double.isFinite(number) ? number : text;
        }
        return text;
    }
}
