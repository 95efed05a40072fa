package io.archivist.adapters.rest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** {@link InputLimitsIT} on the MongoDB store, which keeps whatever a number it is given (a 40-digit one too). */
@MicronautTest
class InputLimitsOnMongoIT extends InputLimitsIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_limits");
    }
}
