package io.archivist.adapters.rest;


import java.util.Map;

/** {@link LifecycleApiTest} on the MongoDB store. */
class LifecycleOnMongoApiTest extends LifecycleApiTest {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_lifecycle");
    }
}
