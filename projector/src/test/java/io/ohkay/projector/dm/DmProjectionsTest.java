package io.ohkay.projector.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.DmLife;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.apply.DmEventsApplier;
import io.ohkay.projector.projection.WriteBatch;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DM projections of a whole {@link DmLife} in one batch: the statements run so that rows exist
 * before they are referenced and changes of one row keep their event order.
 */
class DmProjectionsTest {

  private final DmLife life = DmLife.create();

  private WriteBatch batch() {
    var batch = new WriteBatch();
    life.events().forEach(e -> batch.addAll(DmEventsApplier.projection().project(e)));
    return batch;
  }

  @Test
  void shouldOpenConversationsBeforeMessagesAndReadsWhenOneBatchHoldsThemAll() {
    assertThat(batch().groups())
        .extracting(g -> g.statement().name())
        .containsExactly(
            "dm_conversations",
            "dm_messages",
            "dm_conversations activity",
            "dm_messages delete",
            "dm_read_status",
            "dm_blocks");
  }

  @Test
  void shouldSendOnlyTheLastChangeOfEachPairWhenBlocksAreChangedInOneBatch() {
    var blocks = batch().groups().getLast().rows();

    assertThat(blocks)
        .containsExactly(
            List.of(life.cy().value(), life.ann().value(), true, at(204)),
            List.of(life.ben().value(), life.ann().value(), false, at(11)),
            List.of(life.ann().value(), life.ben().value(), true, at(12)));
  }

  @Test
  void shouldMoveActivityToTheLatestMessageWhenAConversationHasSeveralInOneBatch() {
    var activity = batch().groups().get(2).rows();

    assertThat(activity)
        .containsExactly(
            List.of(life.annBen().value(), at(9)), List.of(life.benCy().value(), at(104)));
  }

  private static Object at(long seconds) {
    return TestEvents.AT.plusSeconds(seconds).atOffset(ZoneOffset.UTC);
  }
}
