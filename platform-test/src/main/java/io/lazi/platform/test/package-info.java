/**
 * The test harness: one real Kafka broker and one real PostgreSQL per test JVM, found in the order
 * DESIGN §8 gives, and the stand-in identity provider with its token builders, handed to Spring test
 * contexts as properties.
 */
@NullMarked
package io.lazi.platform.test;

import org.jspecify.annotations.NullMarked;
