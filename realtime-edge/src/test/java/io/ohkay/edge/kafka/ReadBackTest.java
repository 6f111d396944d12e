package io.ohkay.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadBackTest {

  private final ReadBack readBack = new ReadBack();
  private final TopicPartition zero = new TopicPartition("ohkay.auth.events", 0);
  private final TopicPartition one = new TopicPartition("ohkay.auth.events", 1);
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  @Test
  void shouldNotBeReachedWhenTheTopicWasNeverLookedUp() {
    assertThat(readBack.reached(positions::get)).isFalse();
  }

  @Test
  void shouldBeReachedWhenTheTopicIsMissing() {
    readBack.looked();

    assertThat(readBack.reached(positions::get)).isTrue();
  }

  @Test
  void shouldBeReachedOnlyWhenEveryPartitionGotToItsEndOffset() {
    readBack.target(zero, 10);
    readBack.target(one, 3);
    readBack.looked();
    positions.put(zero, 10L);
    positions.put(one, 2L);

    assertThat(readBack.reached(positions::get)).isFalse();

    positions.put(one, 3L);
    assertThat(readBack.reached(positions::get)).isTrue();
  }
}
