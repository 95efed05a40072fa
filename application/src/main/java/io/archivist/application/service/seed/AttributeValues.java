package io.archivist.application.service.seed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Whether two attribute values are the same JSON: numbers by value (a store may read back 1 as a
 * Long where a seed had an Integer, or 1.5 as a BigDecimal where it had a Double), objects whatever
 * their key order. What makes a re-imported seed "unchanged".
 */
final class AttributeValues {

    private AttributeValues() {}

    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return sameNumber(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean sameNumber(Number x, Number y) {
        if (x.getClass() == y.getClass()) {
            return x.equals(y);
        }
        try {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        } catch (NumberFormatException notFinite) {
            return x.toString().equals(y.toString());
        }
    }
}
