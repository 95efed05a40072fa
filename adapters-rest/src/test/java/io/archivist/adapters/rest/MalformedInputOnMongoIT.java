package io.archivist.adapters.rest;

import java.util.Map;

/** {@link MalformedInputIT} on the MongoDB store: what reaches it (odd attribute names too) is never a 500. */
class MalformedInputOnMongoIT extends MalformedInputIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_malformed");
    }

    /** The full run is on H2; here it checks that what reaches this store is never a 500. */
    @Override
    int fuzzRequests() {
        return 600;
    }
}
