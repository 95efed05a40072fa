package io.archivist.adapters.rest;

import java.util.Map;

/** {@link LifecycleApiIT} on the MongoDB store. */
class LifecycleOnMongoApiIT extends LifecycleApiIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_lifecycle");
    }
}
