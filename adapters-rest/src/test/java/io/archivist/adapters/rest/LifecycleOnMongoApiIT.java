package io.archivist.adapters.rest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** {@link LifecycleApiIT} on the MongoDB store. */
@MicronautTest
class LifecycleOnMongoApiIT extends LifecycleApiIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_lifecycle");
    }
}
