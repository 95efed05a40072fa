package io.archivist.application.port.out.seed;

/**
 * Where an item is in its seed: the line (1-based) and, in a JSON or YAML document, the JSON
 * pointer of the item ({@code /records/12}); JSON Lines have no pointer ("").
 */
public record SeedPosition(long line, String pointer) {

    public SeedPosition {
        pointer = pointer == null ? "" : pointer;
    }

    public static SeedPosition line(long line) {
        return new SeedPosition(line, "");
    }

    @Override
    public String toString() {
        return "line " + line + (pointer.isEmpty() ? "" : " (" + pointer + ")");
    }
}
