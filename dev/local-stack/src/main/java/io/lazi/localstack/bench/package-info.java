/** Benchmarks against a running stack: pushing overrides to ServiceTitan, and serving images. */
package io.lazi.localstack.bench;
