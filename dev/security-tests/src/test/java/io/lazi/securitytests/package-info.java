/**
 * The security suite: the platform as real processes, probed on every port as an attacker would, by
 * the OWASP API Security Top 10 (2023) categories. Each test class runs the probes of one category,
 * prints {@code N probes, N held} and fails listing every breach.
 */
package io.lazi.securitytests;
