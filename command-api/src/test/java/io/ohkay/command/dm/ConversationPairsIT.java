package io.ohkay.command.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The pairs the DM database knows, before the projector created it and after. */
class ConversationPairsIT {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final ConversationId PAIR = ConversationId.between(ALICE, BOB);

  private final String database = SharedInfrastructure.uniqueName("cp") + "_dms";
  private final ConversationPairs pairs = new ConversationPairs(source(database));

  @Test
  void shouldKnowNoPairWithoutWarningWhenTheDmDatabaseDoesNotExistYet() {
    try (var logs = PairLogs.capture()) {
      assertThat(pairs.otherParticipant(PAIR, ALICE)).isEmpty();
      assertThat(logs.events()).isNotEmpty();
      assertThat(logs.warnings()).isEmpty();
    }
  }

  @Test
  void shouldKnowNoPairWithoutWarningWhenTheDatabaseHasNoConversationsTableYet() {
    SharedInfrastructure.get().postgres().createDatabaseIfAbsent(database);
    try (var logs = PairLogs.capture()) {
      assertThat(pairs.otherParticipant(PAIR, ALICE)).isEmpty();
      assertThat(logs.events()).isNotEmpty();
      assertThat(logs.warnings()).isEmpty();
    }
  }

  @Test
  void shouldReadThePairFromTheProjectionWhenNoOutcomeTaughtIt() throws SQLException {
    var postgres = SharedInfrastructure.get().postgres();
    postgres.createDatabaseIfAbsent(database);
    try (var connection = postgres.connect(database);
        var statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE dm_conversations (id uuid PRIMARY KEY, user_low uuid NOT NULL,"
              + " user_high uuid NOT NULL)");
      statement.execute(
          "INSERT INTO dm_conversations VALUES ('%s', '%s', '%s')".formatted(PAIR, ALICE, BOB));
    }

    assertThat(pairs.otherParticipant(PAIR, BOB)).contains(ALICE);
    assertThat(pairs.otherParticipant(PAIR, ALICE)).contains(BOB);
    assertThat(pairs.otherParticipant(PAIR, new UserId(UUID.randomUUID()))).isEmpty();
    var another = ConversationId.between(ALICE, new UserId(UUID.randomUUID()));
    assertThat(pairs.otherParticipant(another, ALICE)).isEmpty();
  }

  private static PGSimpleDataSource source(String database) {
    var postgres = SharedInfrastructure.get().postgres();
    var source = new PGSimpleDataSource();
    source.setURL(postgres.jdbcUrl(database));
    source.setUser(postgres.username());
    source.setPassword(postgres.password());
    return source;
  }
}
