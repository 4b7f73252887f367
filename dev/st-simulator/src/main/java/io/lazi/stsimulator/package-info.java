/**
 * ServiceTitan simulator: a stand-in for ServiceTitan's auth and API hosts for the local stack and tests.
 */
@NullMarked
package io.lazi.stsimulator;

import org.jspecify.annotations.NullMarked;
