package io.archivist.application.port.out;

import java.util.UUID;

public interface IdGenerator {

    UUID next();
}
