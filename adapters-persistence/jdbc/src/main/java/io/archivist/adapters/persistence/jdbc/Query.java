package io.archivist.adapters.persistence.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** SQL text built from fragments, each with its parameters, so that placeholders and values never drift apart. */
final class Query {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    static Query of(String fragment, Object... params) {
        return new Query().add(fragment, params);
    }

    Query add(String fragment, Object... values) {
        text.append(fragment);
        Collections.addAll(params, values);
        return this;
    }

    Query add(Query other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    /** "?, ?, ?" for an IN list, with its values. */
    Query in(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        text.append(String.join(", ", Collections.nCopies(values.size(), "?")));
        params.addAll(values);
        return this;
    }

    String sql() {
        return text.toString();
    }

    Object[] params() {
        return params.toArray();
    }
}
