package io.archivist.application.port.in;

import java.util.Locale;
import java.util.Optional;

/** docs/lifecycle.md#seeds: a seed is one JSON or YAML document, or JSON Lines for large ones. */
public enum SeedFormat {
    JSON, YAML, JSON_LINES;

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

    /** By HTTP media type (parameters such as charset ignored); JSON when none is given. */
    public static Optional<SeedFormat> ofMediaType(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return Optional.of(JSON);
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Optional.of(JSON);
            case "application/yaml", "application/x-yaml", "text/yaml" -> Optional.of(YAML);
            case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines" ->
                    Optional.of(JSON_LINES);
            default -> Optional.empty();
        };
    }
}
