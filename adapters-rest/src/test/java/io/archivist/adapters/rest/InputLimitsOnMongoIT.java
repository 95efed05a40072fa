package io.archivist.adapters.rest;

import java.util.Map;

/** {@link InputLimitsIT} on the MongoDB store, which keeps whatever a number it is given (a 40-digit one too). */
class InputLimitsOnMongoIT extends InputLimitsIT {

    @Override
    Map<String, String> moreProperties() {
        return OnMongo.properties("rest_limits");
    }
}
