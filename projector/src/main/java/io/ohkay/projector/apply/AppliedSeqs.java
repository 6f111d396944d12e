package io.ohkay.projector.apply;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Tells waiters when an aggregate's seq has been committed (read-your-writes): the appliers report
 * every commit here, and a waiter first registers, then checks the database, so no commit between
 * the two is missed.
 */
public final class AppliedSeqs {

  private final Map<UUID, List<Waiter>> waiters = new HashMap<>();

  /** Reads an aggregate's committed seq from its database. */
  @FunctionalInterface
  public interface StoredSeq {
    long read() throws SQLException;
  }

  /** Completes with the applied seq once {@code aggregate} reached {@code seq}. */
  public CompletableFuture<Long> await(UUID aggregate, long seq, StoredSeq stored) {
    var waiter = new Waiter(seq, new CompletableFuture<>());
    synchronized (this) {
      waiters.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(waiter);
    }
    waiter.future().whenComplete((applied, failure) -> remove(aggregate, waiter));
    try {
      var committed = stored.read();
      if (committed >= seq) {
        waiter.future().complete(committed);
      }
    } catch (SQLException e) {
      waiter.future().completeExceptionally(e);
    }
    return waiter.future();
  }

  /** Reports the seqs one transaction committed. */
  public void applied(Map<UUID, Long> versions) {
    var reached = new ArrayList<Map.Entry<Waiter, Long>>();
    synchronized (this) {
      if (waiters.isEmpty()) {
        return;
      }
      versions.forEach(
          (aggregate, seq) ->
              waiters.getOrDefault(aggregate, List.of()).stream()
                  .filter(w -> w.seq() <= seq)
                  .forEach(w -> reached.add(Map.entry(w, seq))));
    }
    reached.forEach(entry -> entry.getKey().future().complete(entry.getValue()));
  }

  private synchronized void remove(UUID aggregate, Waiter waiter) {
    var list = waiters.get(aggregate);
    if (list != null && list.remove(waiter) && list.isEmpty()) {
      waiters.remove(aggregate);
    }
  }

  private record Waiter(long seq, CompletableFuture<Long> future) {}
}
