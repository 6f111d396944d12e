package io.ohkay.command;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The decider is up while its Kafka Streams client is running (or rebalancing). */
final class DeciderHealth implements HealthIndicator {

  private final KafkaStreams streams;

  DeciderHealth(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    var state = streams.state();
    var builder = state.isRunningOrRebalancing() ? Health.up() : Health.down();
    return builder.withDetail("state", state.name()).build();
  }
}
