package io.archivist.adapters.rest;

import java.util.Map;

/** {@link IdempotencyApiIT} on the MongoDB store. */
class IdempotencyOnMongoApiIT extends IdempotencyApiIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_idempotency");
    }
}
