package io.archivist.domain;

import java.util.Locale;
import java.util.Optional;

/** docs/lifecycle.md#seeds: a seed is one JSON or YAML document, or JSON Lines for large ones. */
public enum SeedFormat {
    JSON,
    YAML,
    JSON_LINES;

    /** By file name: {@code .json}, {@code .yaml} / {@code .yml}, {@code .jsonl} / {@code .ndjson}. */
    public static Optional<SeedFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }
}
