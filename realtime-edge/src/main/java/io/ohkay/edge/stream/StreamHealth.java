package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.EventFeed;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code edge} health: UP while the feed's consumer runs and reads partitions, OUT_OF_SERVICE
 * while it waits for the topics to exist, DOWN when it stopped.
 */
final class StreamHealth implements HealthIndicator {

  private final EventFeed feed;
  private final StreamHub hub;

  StreamHealth(EventFeed feed, StreamHub hub) {
    this.feed = feed;
    this.hub = hub;
  }

  @Override
  public Health health() {
    var running = feed.isRunning();
    var partitions = feed.assignedPartitions();
    var builder = !running ? Health.down() : partitions == 0 ? Health.outOfService() : Health.up();
    return builder
        .withDetail("consumerRunning", running)
        .withDetail("assignedPartitions", partitions)
        .withDetail("connections", hub.connections())
        .build();
  }
}
