/**
 * The infrastructure the services need: the Kafka broker, PostgreSQL (embedded or external), the
 * run directory's JWT secret and the dev tokens minted with it.
 */
package io.lazi.localstack.infra;
