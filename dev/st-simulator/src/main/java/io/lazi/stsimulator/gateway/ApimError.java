package io.lazi.stsimulator.gateway;

/**
 * The body Azure API Management (ServiceTitan's gateway) answers with when it rejects a call itself.
 *
 * @param statusCode the HTTP status code
 * @param message what went wrong
 */
record ApimError(int statusCode, String message) {
}
