package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class StreamSessionTest {

  private final StreamSession session =
      new StreamSession(new UserId(UUID.randomUUID()), new SessionId(UUID.randomUUID()), 3, null);

  private static StreamEvent event(int offset) {
    return new StreamEvent("1.s0-" + offset, "message.posted.v1", "{}");
  }

  private static StreamSession session(int bufferSize) {
    return new StreamSession(
        new UserId(UUID.randomUUID()), new SessionId(UUID.randomUUID()), bufferSize, null);
  }

  /** The batches {@code session} hands a connection that keeps up, as they come. */
  private static List<List<StreamEvent>> batchesOf(StreamSession session) {
    var batches = new ArrayList<List<StreamEvent>>();
    session.replay(Flux.empty());
    session.batches().subscribe(batches::add);
    return batches;
  }

  @Test
  void shouldEndWithOverflowCarryingTheLastBufferedCursorWhenTheBufferIsFull() {
    assertThat(session.offer(event(1))).isTrue();
    assertThat(session.offer(event(2))).isTrue();
    assertThat(session.offer(event(3))).isTrue();

    assertThat(session.offer(event(4))).isFalse();
    assertThat(session.offer(event(5))).isFalse();

    var received = session.events().collectList().block(Duration.ofSeconds(5));
    assertThat(received)
        .extracting(StreamEvent::id)
        .containsExactly("1.s0-1", "1.s0-2", "1.s0-3", "1.s0-3");
    var overflow = received.getLast();
    assertThat(overflow.name()).isEqualTo("overflow");
    assertThat(overflow.data()).isEqualTo("{\"cursor\":\"1.s0-3\"}");
    assertThat(session.isOverflowed()).isTrue();
  }

  @Test
  void shouldDropEphemeralEventsRatherThanOverflowWhenTheBufferIsHalfFull() {
    var presence = new StreamEvent(null, "presence", "{}");

    session.offerEphemeral(presence);
    session.offerEphemeral(presence);
    assertThat(session.offer(event(1))).isTrue();
    session.offerEphemeral(presence);
    session.close();

    var received = session.events().collectList().block(Duration.ofSeconds(5));
    assertThat(received)
        .extracting(StreamEvent::name)
        .containsExactly("presence", "presence", "message.posted.v1");
    assertThat(session.lastCursor()).isEqualTo("1.s0-1");
    assertThat(session.isOverflowed()).isFalse();
  }

  @Test
  void shouldHandStagedEphemeralEventsOverTogetherWhenFlushed() {
    var session = session(100);
    var batches = batchesOf(session);
    var presence = StreamEvent.ephemeral("presence", "{}");

    for (int i = 0; i < 3; i++) {
      assertThat(session.stageEphemeral(presence)).isTrue();
    }
    assertThat(batches).isEmpty();
    assertThat(session.flush()).isTrue();

    assertThat(batches).containsExactly(List.of(presence, presence, presence));
    assertThat(session.lastCursor()).isNull();
  }

  @Test
  void shouldDropStagedEphemeralEventsButStillTakeEventsWhenTheBufferIsHalfFull() {
    var session = session(8);
    var presence = StreamEvent.ephemeral("presence", "{}");

    for (int i = 0; i < 10; i++) {
      assertThat(session.stageEphemeral(presence)).isTrue();
    }
    assertThat(session.offer(event(1))).isTrue();
    session.close();

    var received = session.events().collectList().block(Duration.ofSeconds(5));
    assertThat(received)
        .extracting(StreamEvent::name)
        .containsExactly("presence", "presence", "presence", "presence", "message.posted.v1");
    assertThat(session.isOverflowed()).isFalse();
  }

  @Test
  void shouldEndWithoutOverflowWhenClosed() {
    session.offer(event(1));

    assertThat(session.close()).isTrue();
    assertThat(session.close()).isFalse();
    assertThat(session.offer(event(2))).isFalse();

    var received = session.events().collectList().block(Duration.ofSeconds(5));
    assertThat(received).extracting(StreamEvent::id).containsExactly("1.s0-1");
  }

  @Test
  void shouldDeliverLiveWhenTheClientKeepsUp() {
    var received = new ArrayList<StreamEvent>();
    session.replay(Flux.empty());
    session.events().subscribe(received::add);

    for (int i = 0; i < 100; i++) {
      assertThat(session.offer(event(i))).isTrue();
    }

    assertThat(received).hasSize(100);
    assertThat(session.isOverflowed()).isFalse();
  }

  @Test
  void shouldHandStagedEventsOverAsOneBatchOnFlush() {
    var session = session(100);
    var batches = batchesOf(session);

    assertThat(session.stage(event(1))).isTrue();
    assertThat(session.stage(event(2))).isTrue();
    assertThat(batches).isEmpty();
    assertThat(session.lastCursor()).isNull();

    assertThat(session.flush()).isTrue();

    assertThat(batches).hasSize(1);
    assertThat(batches.getFirst()).extracting(StreamEvent::id).containsExactly("1.s0-1", "1.s0-2");
    assertThat(session.lastCursor()).isEqualTo("1.s0-2");
    assertThat(session.hasStaged()).isFalse();
  }

  @Test
  void shouldHandConnectionsThatStagedTheSameEventsOneSharedBatchWhenFlushedTogether() {
    var one = session(100);
    var two = session(100);
    var three = session(100);
    var fromOne = batchesOf(one);
    var fromTwo = batchesOf(two);
    var fromThree = batchesOf(three);
    var shared = new HashMap<List<StreamEvent>, StreamBatch>();
    var posted = event(1);
    var edited = event(2);

    one.stage(posted);
    one.stage(edited);
    two.stage(posted);
    two.stage(edited);
    three.stage(posted);
    assertThat(one.flush(shared)).isTrue();
    assertThat(two.flush(shared)).isTrue();
    assertThat(three.flush(shared)).isTrue();

    assertThat(fromTwo.getFirst()).isSameAs(fromOne.getFirst()).containsExactly(posted, edited);
    assertThat(fromThree.getFirst()).isNotSameAs(fromOne.getFirst()).containsExactly(posted);
    assertThat(((StreamBatch) fromOne.getFirst()).isShared()).isTrue();
    assertThat(((StreamBatch) fromThree.getFirst()).isShared()).isFalse();
    assertThat(two.lastCursor()).isEqualTo(edited.id());
    assertThat(three.lastCursor()).isEqualTo(posted.id());

    var next = event(3);
    one.stage(next);
    two.stage(next);
    one.flush();
    two.flush();

    assertThat(fromOne).hasSize(2);
    assertThat(fromOne.getFirst()).containsExactly(posted, edited);
    assertThat(fromTwo.getLast()).containsExactly(next);
  }

  @Test
  void shouldHandStagedEventsOverFirstWhenAnotherEventIsOffered() {
    var session = session(100);
    var batches = batchesOf(session);

    session.stage(event(1));
    session.offerEphemeral(new StreamEvent(null, "presence", "{}"));
    session.stage(event(2));
    session.offer(event(3));

    assertThat(batches)
        .extracting(batch -> batch.stream().map(StreamEvent::name).toList())
        .containsExactly(
            List.of("message.posted.v1"),
            List.of("presence"),
            List.of("message.posted.v1", "message.posted.v1"));
    assertThat(session.lastCursor()).isEqualTo("1.s0-3");
  }

  @Test
  void shouldCountStagedEventsAgainstTheBufferAndOverflowWithTheLastHandedOverCursor() {
    var session = session(16);
    for (int i = 1; i <= 13; i++) {
      assertThat(session.offer(event(i))).isTrue();
    }
    assertThat(session.stage(event(14))).isTrue();
    assertThat(session.stage(event(15))).isTrue();
    assertThat(session.stage(event(16))).isTrue();

    assertThat(session.stage(event(17))).isFalse();
    assertThat(session.flush()).isFalse();

    var received = session.events().collectList().block(Duration.ofSeconds(5));
    assertThat(received).hasSize(14);
    assertThat(received.get(12).id()).isEqualTo("1.s0-13");
    assertThat(received.getLast().name()).isEqualTo("overflow");
    assertThat(received.getLast().id()).isEqualTo("1.s0-13");
  }

  @Test
  void shouldHandAFullBatchOverBeforeStagingMoreWhenAPollHoldsManyEvents() {
    var session = session(1_000);
    var batches = batchesOf(session);

    for (int i = 0; i < 2 * StreamSession.MAX_BATCH + 1; i++) {
      assertThat(session.stage(event(i))).isTrue();
    }
    session.flush();

    assertThat(batches)
        .extracting(List::size)
        .containsExactly(StreamSession.MAX_BATCH, StreamSession.MAX_BATCH, 1);
  }

  @Test
  void shouldHandStagedEventsOverWhenClosed() {
    session.stage(event(1));

    assertThat(session.close()).isTrue();

    var received = session.events().collectList().block(Duration.ofSeconds(5));
    assertThat(received).extracting(StreamEvent::id).containsExactly("1.s0-1");
  }

  @Test
  void shouldFreeTheBufferAsTheConnectionTakesBatches() {
    var session = session(12);
    var batches = batchesOf(session);

    for (int i = 0; i < 10; i++) {
      assertThat(session.stage(event(3 * i))).isTrue();
      assertThat(session.stage(event(3 * i + 1))).isTrue();
      assertThat(session.stage(event(3 * i + 2))).isTrue();
      assertThat(session.flush()).isTrue();
    }

    assertThat(batches).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(3));
    assertThat(session.isOverflowed()).isFalse();
  }

  @Test
  void shouldCarryTheReasonAsJsonWhenRevoked() {
    var revoked = StreamSession.revokedEvent("1.a0-5", "SIGNED_OUT");

    assertThat(revoked.name()).isEqualTo("revoked");
    assertThat(revoked.id()).isEqualTo("1.a0-5");
    assertThat(revoked.data()).isEqualTo("{\"reason\":\"SIGNED_OUT\"}");
  }
}
