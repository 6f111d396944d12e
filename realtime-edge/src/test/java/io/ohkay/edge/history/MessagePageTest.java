package io.ohkay.edge.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MessagePageTest {

  private static final UUID CHANNEL = UUID.randomUUID();
  private static final MessageTable TABLE =
      new MessageTable("messages", "channel_id", "id, seq", "channel");

  private record Row(long seq) {}

  private static List<Row> rows(long... seqs) {
    return LongStream.of(seqs).mapToObj(Row::new).toList();
  }

  private static List<Long> seqs(MessagePage<Row> page) {
    return page.messages().stream().map(Row::seq).toList();
  }

  @Test
  void shouldTrimTheExtraRowAndSayMoreWhenTheQueryReadPastTheLimit() {
    var query = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.Newest(), 3);

    var page = MessagePage.of(rows(9, 8, 7, 6), query, 3);

    assertThat(seqs(page)).containsExactly(9L, 8L, 7L);
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void shouldServeNewestFirstWhenReadUpwards() {
    var query = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.From(3), 3);

    var page = MessagePage.of(rows(3, 4), query, 3);

    assertThat(seqs(page)).containsExactly(4L, 3L);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void shouldKeepTheRowsNearestTheCursorWhenReadUpwardsPastTheLimit() {
    var query = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.From(3), 2);

    var page = MessagePage.of(rows(3, 4, 5), query, 2);

    assertThat(seqs(page)).containsExactly(4L, 3L);
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void shouldJoinTheOlderAndTheNewerSidesNewestFirstWhenAround() {
    var window = AroundWindow.of(5);
    var older = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.Below(10), window.older());
    var fromIt = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.From(10), window.newer() + 1);

    var page = MessagePage.around(rows(9, 8, 7), older, rows(10, 11, 12, 13), fromIt, window);

    assertThat(seqs(page)).containsExactly(12L, 11L, 10L, 9L, 8L);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.hasNewer()).isTrue();
  }

  @Test
  void shouldSayNothingBeyondWhenAroundReachesBothEnds() {
    var window = AroundWindow.of(6);
    var older = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.Below(10), window.older());
    var fromIt = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.From(10), window.newer() + 1);

    var page = MessagePage.around(rows(9), older, rows(10, 11), fromIt, window);

    assertThat(seqs(page)).containsExactly(11L, 10L, 9L);
    assertThat(page.hasMore()).isFalse();
    assertThat(page.hasNewer()).isFalse();
  }

  @Test
  void shouldLeaveHasNewerOutWhenNotAround() {
    var query = MessagePageQuery.of(TABLE, CHANNEL, new SeqBound.Newest(), 3);

    assertThat(MessagePage.of(rows(9), query, 3).hasNewer()).isNull();
  }
}
