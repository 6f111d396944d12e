package io.ohkay.projector.projection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one polled batch for one database, grouped per statement so each group is one JDBC
 * batch. Groups run in statement order; within a group rows keep the order of their events.
 */
public final class WriteBatch {

  private final Map<Statement, Rows> groups = new LinkedHashMap<>();

  /** Adds one write, merging it into an earlier row when its statement says so. */
  public void add(Write write) {
    groups.computeIfAbsent(write.statement(), s -> new Rows()).add(write);
  }

  /** Adds every write, in order. */
  public void addAll(List<Write> writes) {
    writes.forEach(this::add);
  }

  /** True when nothing is to be written. */
  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** The groups in execution order. */
  public List<Group> groups() {
    return groups.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<Statement, Rows> e) -> e.getKey().order())
                .thenComparing(e -> e.getKey().name()))
        .map(e -> new Group(e.getKey(), List.copyOf(e.getValue().rows)))
        .toList();
  }

  /**
   * The rows of one statement.
   *
   * @param statement what to execute
   * @param rows the parameters of each execution, in event order
   */
  public record Group(Statement statement, List<List<Object>> rows) {}

  private static final class Rows {
    private final List<List<Object>> rows = new ArrayList<>();
    private final Map<List<Object>, Integer> indexByKey = new HashMap<>();

    void add(Write write) {
      var params = write.params();
      if (write.statement().merge() == Statement.Merge.NONE) {
        rows.add(params);
        return;
      }
      var pair = write.statement().merge() == Statement.Merge.LAST_PER_PAIR;
      var key = params.subList(0, pair ? 2 : params.size() - 1);
      var index = indexByKey.get(key);
      if (index == null) {
        indexByKey.put(key, rows.size());
        rows.add(params);
      } else {
        rows.set(index, merged(write.statement().merge(), rows.get(index), params));
      }
    }

    private static List<Object> merged(
        Statement.Merge merge, List<Object> previous, List<Object> next) {
      return switch (merge) {
        case LAST_PER_PAIR -> next;
        case SUM_LAST -> sumLast(previous, next);
        case LATEST_LAST -> latestLast(previous, next);
        case NONE -> throw new IllegalArgumentException("rows of " + merge + " are not merged");
      };
    }

    private static List<Object> latestLast(List<Object> previous, List<Object> next) {
      var last = previous.size() - 1;
      var kept = (OffsetDateTime) previous.get(last);
      return ((OffsetDateTime) next.get(last)).isAfter(kept) ? next : previous;
    }

    private static List<Object> sumLast(List<Object> previous, List<Object> next) {
      var merged = new ArrayList<>(previous);
      var last = merged.size() - 1;
      merged.set(last, (Long) previous.get(last) + (Long) next.get(last));
      return List.copyOf(merged);
    }
  }
}
