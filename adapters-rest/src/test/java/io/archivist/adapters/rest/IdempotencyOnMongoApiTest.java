package io.archivist.adapters.rest;


import java.util.Map;

/** {@link IdempotencyApiTest} on the MongoDB store. */
class IdempotencyOnMongoApiTest extends IdempotencyApiTest {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_idempotency");
    }
}
