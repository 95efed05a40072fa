package io.archivist.adapters.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R10: a response as the application remembers it for an Idempotency-Key, which is only text to it:
 * the status on the first line, the headers as one JSON object on the second, then the body. JSON
 * never holds a raw line break, so the first two line breaks end the status and the headers.
 * The stores' migration of answers remembered before (V7) writes this same form.
 */
record RememberedReply(int status, Map<String, String> headers, String body) {

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    RememberedReply {
        headers = Map.copyOf(headers);
    }

    String encode(ObjectMapper json) {
        try {
            return status + "\n" + json.writeValueAsString(new LinkedHashMap<>(headers)) + "\n" + body;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write headers as JSON", e);
        }
    }

    static RememberedReply decode(ObjectMapper json, String answer) {
        int endOfStatus = answer.indexOf('\n');
        int endOfHeaders = answer.indexOf('\n', endOfStatus + 1);
        if (endOfStatus < 0 || endOfHeaders < 0) {
            throw new IllegalStateException("a remembered answer has a status line and a headers line");
        }
        try {
            return new RememberedReply(
                    Integer.parseInt(answer.substring(0, endOfStatus)),
                    json.readValue(answer.substring(endOfStatus + 1, endOfHeaders), HEADERS),
                    answer.substring(endOfHeaders + 1));
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new IllegalStateException("a remembered answer that this service did not write", e);
        }
    }
}
