/**
 * The infrastructure the services need: the Kafka broker, PostgreSQL (embedded or external), the
 * run directory's secrets and the identity provider's dev client that mints user tokens.
 */
package io.lazi.localstack.infra;
