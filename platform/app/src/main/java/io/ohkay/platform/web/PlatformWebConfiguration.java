package io.ohkay.platform.web;

import java.util.Map;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebExceptionHandler;

/** Platform-wide HTTP beans. */
@Configuration(proxyBeanMethods = false)
public class PlatformWebConfiguration {

  @Bean
  RouterFunction<ServerResponse> healthRoutes(Map<String, HealthIndicator> indicators) {
    return new HealthRoutes(indicators).routes();
  }

  @Bean
  WebExceptionHandler problemExceptionHandler() {
    return new ProblemExceptionHandler();
  }
}
