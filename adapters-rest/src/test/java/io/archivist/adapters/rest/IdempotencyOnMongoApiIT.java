package io.archivist.adapters.rest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** {@link IdempotencyApiIT} on the MongoDB store. */
@MicronautTest
class IdempotencyOnMongoApiIT extends IdempotencyApiIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_idempotency");
    }
}
