package io.ohkay.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

  @Test
  void shouldGiveUpOnAMemberGoneWithoutLeavingWithinTenSecondsWhenTheConsumerHasAGroup() {
    var settings = ConsumerSettings.of("localhost:9092", "ohkay-projector.server", "server");

    assertThat(settings)
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "ohkay-projector.server")
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
  }

  @Test
  void shouldSetNoGroupSettingsWhenTheConsumerIsAssigned() {
    var settings = ConsumerSettings.of("localhost:9092", null, "rebuild");

    assertThat(settings)
        .doesNotContainKeys(
            ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }
}
