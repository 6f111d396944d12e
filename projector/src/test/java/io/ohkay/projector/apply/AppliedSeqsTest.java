package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppliedSeqsTest {

  private final AppliedSeqs seqs = new AppliedSeqs();
  private final UUID aggregate = UUID.randomUUID();

  @Test
  void shouldCompleteAtOnceWhenDatabaseAlreadyHasTheSeq() {
    var future = seqs.await(aggregate, 3, () -> 5L);

    assertThat(future).isCompletedWithValue(5L);
  }

  @Test
  void shouldCompleteWhenACommitReachesTheSeq() {
    var future = seqs.await(aggregate, 3, () -> 1L);

    seqs.applied(Map.of(aggregate, 2L));
    assertThat(future).isNotDone();
    seqs.applied(Map.of(UUID.randomUUID(), 9L));
    assertThat(future).isNotDone();
    seqs.applied(Map.of(aggregate, 4L));

    assertThat(future).isCompletedWithValue(4L);
  }

  @Test
  void shouldFailWhenDatabaseCannotBeRead() {
    var future =
        seqs.await(
            aggregate,
            3,
            () -> {
              throw new SQLException("connection refused", "08001");
            });

    assertThat(future).isCompletedExceptionally();
  }

  @Test
  void shouldForgetWaiterWhenCallerGivesUp() {
    var future = seqs.await(aggregate, 3, () -> 0L);
    future.cancel(false);

    seqs.applied(Map.of(aggregate, 3L));

    assertThat(future).isCancelled();
  }
}
