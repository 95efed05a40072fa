package io.archivist.application.port.out.seed;

/** The seed cannot be read further at {@code position}: not JSON or YAML, or not the form of a seed. */
public class MalformedSeedException extends RuntimeException {

    private final SeedPosition position;

    public MalformedSeedException(SeedPosition position, String message) {
        super(message);
        this.position = position;
    }

    public MalformedSeedException(SeedPosition position, String message, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    public SeedPosition position() {
        return position;
    }
}
