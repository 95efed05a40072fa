package io.archivist.adapters.rest;


import java.util.Map;

/** {@link MalformedInputTest} on the MongoDB store: what reaches it (odd attribute names too) is never a 500. */
class MalformedInputOnMongoTest extends MalformedInputTest {

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
