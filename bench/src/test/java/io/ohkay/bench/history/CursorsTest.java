package io.ohkay.bench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CursorsTest {

  private static final int PAGE = 50;

  @Test
  void shouldAlwaysLeaveAFullPageBeforeTheCursorWhenDrawing() {
    var cursors = cursors(120, 1_000);
    var random = new SplittableRandom(1);

    for (int i = 0; i < 10_000; i++) {
      var cursor = cursors.draw(random);
      assertThat(cursor.seq()).isBetween(1_000L + PAGE + 1, 1_000L + 120);
      assertThat(cursor.newest()).isEqualTo(cursor.seq() - 1);
      assertThat(cursor.oldest()).isEqualTo(cursor.seq() - PAGE);
    }
  }

  @Test
  void shouldAcceptOnlyTheFullPageJustBeforeTheCursorWhenChecking() {
    var cursor = new Cursors.Cursor(UUID.randomUUID(), 100, 99, 50);
    List<Long> page = LongStream.rangeClosed(50, 99).map(s -> 149 - s).boxed().toList();

    assertThat(cursor.isPage(page, PAGE)).isTrue();
    assertThat(cursor.isPage(page.subList(0, 49), PAGE)).isFalse();
    assertThat(cursor.isPage(page.reversed(), PAGE)).isFalse();
    assertThat(cursor.isPage(List.of(), PAGE)).isFalse();
  }

  @Test
  void shouldRefuseAChannelWithoutAFullPageWhenLoaded() {
    assertThatThrownBy(() -> cursors(PAGE, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Cursors cursors(int messages, long base) {
    var ids = new ArrayList<UUID>();
    var seqs = new long[messages];
    for (int i = 0; i < messages; i++) {
      ids.add(UUID.randomUUID());
      seqs[i] = base + i + 1;
    }
    return new Cursors(ids, seqs, PAGE);
  }
}
