package io.archivist.application.port.out.violation;

import java.net.http.HttpHeaders;

/**
 * A deliberate violation, only for {@code HexagonRulesCanFailTest}: a port carrying HTTP headers, with
 * a class of the JDK, which the rule "the application uses only java.* and the domain" lets pass.
 */
public class PortWithHttpHeaders {
    HttpHeaders headers;
}
