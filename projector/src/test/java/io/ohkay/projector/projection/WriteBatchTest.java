package io.ohkay.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBatchTest {

  private static final Statement FIRST = Statement.of("first", 10, "INSERT INTO a VALUES (?)");
  private static final Statement SECOND = Statement.of("second", 20, "INSERT INTO b VALUES (?)");
  private static final Statement COUNT =
      new Statement("count", 30, "INSERT INTO c VALUES (?, ?, ?)", Statement.Merge.SUM_LAST);

  @Test
  void shouldRunGroupsInStatementOrderWhenWritesArriveInAnotherOrder() {
    var batch = new WriteBatch();
    batch.add(SECOND.with("b1"));
    batch.add(FIRST.with("a1"));
    batch.add(SECOND.with("b2"));

    assertThat(batch.groups())
        .extracting(WriteBatch.Group::statement)
        .containsExactly(FIRST, SECOND);
    assertThat(batch.groups().get(1).rows()).containsExactly(List.of("b1"), List.of("b2"));
  }

  @Test
  void shouldKeepEqualRowsWhenStatementDoesNotMerge() {
    var batch = new WriteBatch();
    batch.add(FIRST.with("same"));
    batch.add(FIRST.with("same"));

    assertThat(batch.groups().getFirst().rows()).hasSize(2);
  }

  @Test
  void shouldSumCountersPerKeyWhenStatementMergesLastParameter() {
    var batch = new WriteBatch();
    batch.add(COUNT.with("s1", "2026-03-01", 1L));
    batch.add(COUNT.with("s1", "2026-03-02", 1L));
    batch.add(COUNT.with("s1", "2026-03-01", 1L));
    batch.add(COUNT.with("s1", "2026-03-01", 5L));

    assertThat(batch.groups().getFirst().rows())
        .containsExactly(List.of("s1", "2026-03-01", 7L), List.of("s1", "2026-03-02", 1L));
  }

  @Test
  void shouldKeepTheLaterRowPerPairWhenStatementMergesLastPerPair() {
    var read =
        new Statement(
            "read", 40, "INSERT INTO r VALUES (?, ?, ?, ?)", Statement.Merge.LAST_PER_PAIR);
    var batch = new WriteBatch();
    batch.add(read.with("u1", "c1", 5L, "t5"));
    batch.add(read.with("u1", "c2", 6L, "t6"));
    batch.add(read.with("u1", "c1", 7L, "t7"));
    batch.add(read.with("u2", "c1", 8L, "t8"));

    assertThat(batch.groups().getFirst().rows())
        .containsExactly(
            List.of("u1", "c1", 7L, "t7"),
            List.of("u1", "c2", 6L, "t6"),
            List.of("u2", "c1", 8L, "t8"));
  }

  @Test
  void shouldKeepTheLatestTimePerKeyWhenStatementMergesLatestLast() {
    var watermark =
        new Statement("watermark", 50, "INSERT INTO w VALUES (?, ?)", Statement.Merge.LATEST_LAST);
    var at = OffsetDateTime.parse("2026-03-01T10:15:30Z");
    var batch = new WriteBatch();
    batch.add(watermark.with("u1", at));
    batch.add(watermark.with("u2", at.plusSeconds(1)));
    batch.add(watermark.with("u1", at.plusSeconds(9)));
    batch.add(watermark.with("u1", at.plusSeconds(3)));

    assertThat(batch.groups().getFirst().rows())
        .containsExactly(List.of("u1", at.plusSeconds(9)), List.of("u2", at.plusSeconds(1)));
  }

  @Test
  void shouldBeEmptyWhenNothingWasAdded() {
    var batch = new WriteBatch();
    batch.addAll(List.of());

    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.groups()).isEmpty();
  }
}
