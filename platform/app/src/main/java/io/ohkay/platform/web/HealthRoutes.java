package io.ohkay.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/health}: every component's health (Kafka, the decider, the projector, every
 * database, the edge) in one document; 200 when all are up, 503 otherwise.
 */
final class HealthRoutes {

  private final Map<String, HealthIndicator> indicators;

  HealthRoutes(Map<String, HealthIndicator> indicators) {
    this.indicators = new TreeMap<>();
    indicators.forEach((bean, indicator) -> this.indicators.put(componentName(bean), indicator));
  }

  /** As actuator names them: the bean name without a {@code HealthIndicator} suffix. */
  static String componentName(String beanName) {
    for (var suffix : java.util.List.of("HealthIndicator", "HealthContributor")) {
      if (beanName.endsWith(suffix) && beanName.length() > suffix.length()) {
        return beanName.substring(0, beanName.length() - suffix.length());
      }
    }
    return beanName;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(
            "/api/health",
            request ->
                Mono.fromCallable(this::check)
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(this::respond))
        .build();
  }

  private Map<String, Health> check() {
    var results = new LinkedHashMap<String, Health>();
    indicators.forEach((name, indicator) -> results.put(name, safely(indicator)));
    return results;
  }

  private static Health safely(HealthIndicator indicator) {
    try {
      return indicator.health();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }

  private Mono<ServerResponse> respond(Map<String, Health> results) {
    var up = results.values().stream().allMatch(h -> Status.UP.equals(h.getStatus()));
    var components = new LinkedHashMap<String, Object>();
    results.forEach(
        (name, health) ->
            components.put(
                name,
                Map.of("status", health.getStatus().getCode(), "details", health.getDetails())));
    var body = new LinkedHashMap<String, Object>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("components", components);
    return ServerResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .bodyValue(body);
  }
}
