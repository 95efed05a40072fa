package io.archivist.adapters.rest;

import java.util.Map;

/** {@link OperationApiIT} on the MongoDB store. */
class OperationOnMongoApiIT extends OperationApiIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_operations");
    }
}
