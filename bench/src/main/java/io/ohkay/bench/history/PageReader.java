package io.ohkay.bench.history;

import java.sql.SQLException;
import java.util.List;

/**
 * Reads one page of the channel before a cursor: the system or the baseline.
 *
 * @param <A> the answer as read, checked after the clock stops
 */
interface PageReader<A> extends AutoCloseable {

  /** {@code system} or {@code baseline}. */
  String name();

  /** The page before {@code cursor}: timed, returns once it is fully received. */
  A read(Cursors.Cursor cursor) throws Exception;

  /** The seqs of an answer, newest first: not timed. */
  List<Long> seqs(A answer);

  @Override
  void close() throws SQLException;
}
