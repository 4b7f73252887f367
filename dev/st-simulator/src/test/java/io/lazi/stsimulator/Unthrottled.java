package io.lazi.stsimulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Lifts the per-tenant request budget (60/s) for a test class that makes many calls in a burst: the
 * budget is tested on its own and must not interfere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = "lazi.st-simulator.rate-limit.requests=100000")
@interface Unthrottled {
}
