package io.ohkay.bench.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.apply.SourcedEvent;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MessageEventsTest {

  @Test
  void shouldCreateEachServerWithItsChannelWhenStarting() {
    var events = new MessageEvents("t", 6, 3);

    List<SourcedEvent> creations = events.creations();

    assertThat(creations).hasSize(6);
    assertThat(creations.get(0).event().payload()).isInstanceOf(ServerCreated.class);
    assertThat(creations.get(0).event().seq()).isEqualTo(1);
    assertThat(creations.get(1).event().payload()).isInstanceOf(ChannelCreated.class);
    assertThat(creations.get(1).event().seq()).isEqualTo(2);
  }

  @Test
  void shouldPostGapFreeSeqsPerServerRoundRobinWhenBatched() {
    var events = new MessageEvents("t", 6, 3);
    events.creations();

    var posted = new ArrayList<SourcedEvent>(events.messages(5));
    posted.addAll(events.messages(4));

    Map<UUID, List<Long>> seqs =
        posted.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.event().aggregateId(),
                    Collectors.mapping(e -> e.event().seq(), Collectors.toList())));
    assertThat(seqs).hasSize(3);
    assertThat(seqs.values()).allSatisfy(s -> assertThat(s).containsExactly(3L, 4L, 5L));
    assertThat(posted)
        .allSatisfy(e -> assertThat(e.event().payload()).isInstanceOf(MessagePosted.class));
    var first = (MessagePosted) posted.getFirst().event().payload();
    assertThat(first.channelId()).isEqualTo(events.channel(first.serverId()));
  }

  @Test
  void shouldGiveEachPartitionGapFreeOffsetsAndCommitTheNextWhenBatched() {
    var events = new MessageEvents("t", 2, 3);
    events.creations();

    List<SourcedEvent> batch = events.messages(6);

    Map<TopicPartition, Long> next = MessageEvents.nextOffsets(batch);
    // servers 0 and 2 share partition 0: 4 creations + 4 messages; server 1: 2 + 2 on partition 1
    assertThat(next)
        .containsOnly(
            Map.entry(new TopicPartition("t", 0), 8L), Map.entry(new TopicPartition("t", 1), 4L));
  }
}
