package io.lazi.pricebook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test context of the service (shared by every integration test class, so only one
 * set of listeners consumes the shared broker): the whole application against the test JVM's real
 * Kafka and PostgreSQL from platform-test, with MockMvc and the {@link PricebookTestKit} the tests drive
 * it through, and image-service's uploads API from {@link ImageServiceStandIn}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(PricebookTestKit.class)
@ContextConfiguration(initializers = ImageServiceStandIn.class)
public @interface PricebookIntegrationTest {
}
