package io.archivist.adapters.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.archivist.domain.WorkspaceId;
import org.junit.jupiter.api.Test;

/** R6 on Mongo: a claim names one (attribute, value) pair and no other. */
class ClaimsTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.of("claims");

    @Test
    void two_pairs_that_join_to_the_same_text_make_different_claims() {
        // Without a length prefix both were "claims␟ticket␟a␟b␟c": one value's holder blocked the other.
        String attributeHoldsSeparator = Claims.of(WORKSPACE, "ticket", "a\u001fb", "c");
        String valueHoldsSeparator = Claims.of(WORKSPACE, "ticket", "a", "b\u001fc");
        String attributeEndsWithDigitColon = Claims.of(WORKSPACE, "ticket", "x1:", "y");
        String valueStartsWithDigitColon = Claims.of(WORKSPACE, "ticket", "x", "1:y");

        assertNotEquals(attributeHoldsSeparator, valueHoldsSeparator);
        assertNotEquals(attributeEndsWithDigitColon, valueStartsWithDigitColon);
        assertNotEquals(Claims.pair("ab", "c"), Claims.pair("a", "bc"));
    }

    @Test
    void the_attribute_of_a_claim_is_read_back_whatever_it_holds() {
        for (String attribute : new String[] {"slug", "a\u001fb", "12:x", "", "ü\u001f:"}) {
            assertEquals(attribute, Claims.attributeOf(Claims.of(WORKSPACE, "ticket", attribute, "v\u001f1:")));
        }
    }
}
