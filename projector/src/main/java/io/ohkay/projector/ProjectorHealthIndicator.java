package io.ohkay.projector;

import io.ohkay.projector.kafka.ConsumerStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code projector}: per consumer, whether it runs, whether it is failing (with the last
 * error) and its lag; down when a consumer stopped or is failing.
 */
final class ProjectorHealthIndicator implements HealthIndicator {

  private final Projector projector;

  ProjectorHealthIndicator(Projector projector) {
    this.projector = projector;
  }

  @Override
  public Health health() {
    if (!projector.isRunning()) {
      return Health.outOfService().withDetail("running", false).build();
    }
    var consumers = projector.consumers();
    var healthy = consumers.stream().allMatch(c -> c.running() && !c.failing());
    var builder = healthy ? Health.up() : Health.down();
    consumers.forEach(consumer -> builder.withDetail(consumer.name(), details(consumer)));
    return builder.build();
  }

  private static Map<String, Object> details(ConsumerStatus consumer) {
    var details = new LinkedHashMap<String, Object>();
    details.put("topic", consumer.topic());
    details.put("running", consumer.running());
    details.put("failing", consumer.failing());
    details.put("lag", consumer.lag() == null ? "unknown" : consumer.lag());
    details.put("appliedRecords", consumer.appliedRecords());
    details.put("deadLettered", consumer.deadLettered());
    details.put("positions", consumer.positions());
    if (consumer.lastError() != null) {
      details.put("lastError", consumer.lastError());
      details.put("lastErrorAt", String.valueOf(consumer.lastErrorAt()));
    }
    return details;
  }
}
