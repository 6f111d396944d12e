package io.ohkay.edge.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessagePageQueryTest {

  private static final String SELECT =
      "select " + MessageRows.COLUMNS + " from messages where channel_id = :channel";

  private final UUID channel = UUID.randomUUID();

  @Test
  void shouldReadNewestFirstOneRowPastTheLimitWhenNoCursor() {
    var query = MessagePageQuery.of(channel, new SeqBound.Newest(), 50);

    assertThat(query.sql()).isEqualTo(SELECT + " order by seq desc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("channel", channel, "limit", 51));
    assertThat(query.ascending()).isFalse();
  }

  @Test
  void shouldReadDownwardsFromTheCursorWhenBefore() {
    var query = MessagePageQuery.of(channel, new SeqBound.Below(40), 10);

    assertThat(query.sql()).isEqualTo(SELECT + " and seq < :seq order by seq desc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("channel", channel, "seq", 40L, "limit", 11));
    assertThat(query.ascending()).isFalse();
  }

  @Test
  void shouldResolveTheCursorMessageInTheSameStatementWhenBeforeOrAfterAMessage() {
    var cursor = UUID.randomUUID();
    var lookup = "(select c.seq from messages c where c.id = :cursor and c.channel_id = :channel)";

    var before = MessagePageQuery.of(channel, new SeqBound.BelowMessage(cursor), 50);
    var after = MessagePageQuery.of(channel, new SeqBound.AboveMessage(cursor), 50);

    assertThat(before.sql())
        .isEqualTo(SELECT + " and seq < " + lookup + " order by seq desc limit :limit");
    assertThat(after.sql())
        .isEqualTo(SELECT + " and seq > " + lookup + " order by seq asc limit :limit");
    assertThat(before.bindings())
        .isEqualTo(Map.of("channel", channel, "cursor", cursor, "limit", 51));
    assertThat(after.ascending()).isTrue();
  }

  @Test
  void shouldReadUpwardsFromTheCursorWhenAfter() {
    var query = MessagePageQuery.of(channel, new SeqBound.Above(40), 100);

    assertThat(query.sql()).isEqualTo(SELECT + " and seq > :seq order by seq asc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("channel", channel, "seq", 40L, "limit", 101));
    assertThat(query.ascending()).isTrue();
  }

  @Test
  void shouldReadUpwardsFromTheCursorItselfWhenFrom() {
    var query = MessagePageQuery.of(channel, new SeqBound.From(40), 5);

    assertThat(query.sql()).isEqualTo(SELECT + " and seq >= :seq order by seq asc limit :limit");
    assertThat(query.bindings()).isEqualTo(Map.of("channel", channel, "seq", 40L, "limit", 6));
    assertThat(query.ascending()).isTrue();
  }

  @Test
  void shouldKeepDeletedMessagesAsTombstonesWhenPaging() {
    var query = MessagePageQuery.of(channel, new SeqBound.Newest(), 5);

    assertThat(query.sql()).doesNotContain("deleted_at is null");
    assertThat(MessageRows.COLUMNS).contains("deleted_at is not null as deleted");
  }
}
