package io.ohkay.edge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * An edge integration test: the edge on a random port, configured for the world of the test class's
 * static {@link EdgeTestEnvironment} field (see {@link EdgeTestEnvironment.Properties}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    classes = TestEdgeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(EdgeTestEnvironment.Properties.class)
public @interface EdgeIntegrationTest {

  /** The application's classes; the test edge application unless told. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
  Class<?>[] classes() default {TestEdgeApplication.class};

  /** Further {@code key=value} settings of the edge under test. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
