package io.archivist.adapters.rest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** {@link MalformedInputTest} on the MongoDB store: what reaches it (odd attribute names too) is never a 500. */
@MicronautTest
class MalformedInputOnMongoTest extends MalformedInputTest {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_malformed");
    }
}
