package io.ohkay.edge.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessagePageQueryTest {

  private static final MessageTable CHANNELS =
      new MessageTable("messages", "channel_id", "id, seq", "channel");
  private static final MessageTable CONVERSATIONS =
      new MessageTable("dm_messages", "conversation_id", "id, content, seq", "conversation");
  private static final String SELECT = "select id, seq from messages where channel_id = :scope";

  private final UUID channel = UUID.randomUUID();

  @Test
  void shouldReadNewestFirstOneRowPastTheLimitWhenNoCursor() {
    var query = MessagePageQuery.of(CHANNELS, channel, new SeqBound.Newest(), 50);

    assertThat(query.sql()).isEqualTo(SELECT + " order by seq desc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("scope", channel, "limit", 51));
    assertThat(query.ascending()).isFalse();
  }

  @Test
  void shouldReadDownwardsFromTheCursorWhenBefore() {
    var query = MessagePageQuery.of(CHANNELS, channel, new SeqBound.Below(40), 10);

    assertThat(query.sql()).isEqualTo(SELECT + " and seq < :seq order by seq desc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("scope", channel, "seq", 40L, "limit", 11));
    assertThat(query.ascending()).isFalse();
  }

  @Test
  void shouldResolveTheCursorMessageInTheSameStatementWhenBeforeOrAfterAMessage() {
    var cursor = UUID.randomUUID();
    var lookup = "(select c.seq from messages c where c.id = :cursor and c.channel_id = :scope)";

    var before = MessagePageQuery.of(CHANNELS, channel, new SeqBound.BelowMessage(cursor), 50);
    var after = MessagePageQuery.of(CHANNELS, channel, new SeqBound.AboveMessage(cursor), 50);

    assertThat(before.sql())
        .isEqualTo(SELECT + " and seq < " + lookup + " order by seq desc limit :limit");
    assertThat(after.sql())
        .isEqualTo(SELECT + " and seq > " + lookup + " order by seq asc limit :limit");
    assertThat(before.bindings())
        .isEqualTo(Map.of("scope", channel, "cursor", cursor, "limit", 51));
    assertThat(after.ascending()).isTrue();
  }

  @Test
  void shouldReadUpwardsFromTheCursorItselfWhenFrom() {
    var query = MessagePageQuery.of(CHANNELS, channel, new SeqBound.From(40), 5);

    assertThat(query.sql()).isEqualTo(SELECT + " and seq >= :seq order by seq asc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("scope", channel, "seq", 40L, "limit", 6));
    assertThat(query.ascending()).isTrue();
  }

  @Test
  void shouldKeepDeletedMessagesAsTombstonesWhenPaging() {
    var query = MessagePageQuery.of(CHANNELS, channel, new SeqBound.Newest(), 5);

    assertThat(query.sql()).doesNotContain("deleted");
  }

  @Test
  void shouldReadTheTableAndScopeColumnOfTheHistoryWhenAConversation() {
    var conversation = UUID.randomUUID();
    var cursor = UUID.randomUUID();

    var query =
        MessagePageQuery.of(CONVERSATIONS, conversation, new SeqBound.BelowMessage(cursor), 20);

    assertThat(query.sql())
        .isEqualTo(
            "select id, content, seq from dm_messages where conversation_id = :scope and seq <"
                + " (select c.seq from dm_messages c where c.id = :cursor and c.conversation_id"
                + " = :scope) order by seq desc limit :limit");
    assertThat(query.bindings())
        .isEqualTo(Map.of("scope", conversation, "cursor", cursor, "limit", 21));
  }
}
