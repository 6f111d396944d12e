package io.ohkay.command.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The pairs learnt from outcomes; the database fallback is proven by ConversationPairsIT. */
class ConversationPairsTest {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final UserId EVE = new UserId(UUID.randomUUID());
  private static final ConversationId PAIR = ConversationId.between(ALICE, BOB);

  /** No server listens on port 1: a miss falls back to a database that cannot be reached. */
  private final ConversationPairs pairs = new ConversationPairs(unreachable());

  @Test
  void shouldKnowTheOtherParticipantWhenAnOutcomeOpenedTheConversation() {
    pairs.accept(accepted(new ConversationOpened(PAIR, ALICE, BOB)));

    assertThat(pairs.otherParticipant(PAIR, ALICE)).contains(BOB);
    assertThat(pairs.otherParticipant(PAIR, BOB)).contains(ALICE);
  }

  @Test
  void shouldNameNobodyWhenTheActorIsNotInThePair() {
    pairs.accept(accepted(new ConversationOpened(PAIR, ALICE, BOB)));

    assertThat(pairs.otherParticipant(PAIR, EVE)).isEmpty();
  }

  @Test
  void shouldNameNobodyAndWarnWhenThePairIsUnknownAndTheDatabaseIsUnreachable() {
    pairs.accept(accepted(new UserBlocked(PAIR, ALICE, BOB)));
    try (var logs = PairLogs.capture()) {
      assertThat(pairs.otherParticipant(PAIR, ALICE)).isEmpty();
      assertThat(logs.warnings())
          .singleElement()
          .satisfies(e -> assertThat(e.getFormattedMessage()).contains(PAIR.toString()));
    }
  }

  private static CommandOutcome accepted(EventPayload payload) {
    var command = new CommandId(UUID.randomUUID());
    var at = Instant.parse("2026-03-01T12:00:00Z");
    var event = Event.decided(command, 0, payload.aggregateId(), 1, at, ALICE, payload);
    return CommandOutcome.accepted(command, PAIR.toString(), 1, List.of(event), at);
  }

  private static PGSimpleDataSource unreachable() {
    var source = new PGSimpleDataSource();
    source.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
    source.setConnectTimeout(1);
    return source;
  }
}
