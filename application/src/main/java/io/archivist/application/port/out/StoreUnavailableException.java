package io.archivist.application.port.out;

/**
 * The store cannot be reached now (its connection dropped, it is closed or restarting): the request did
 * nothing it acknowledged, and the client may try again later. The message is for people and never holds
 * the driver's text, which goes to the log.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
