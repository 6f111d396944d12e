package io.ohkay.bench.projector;

import io.ohkay.projector.apply.SourcedEvent;
import java.sql.SQLException;
import java.util.List;

/** Stores polled batches of message events in server databases: the system or the baseline. */
interface MessageWriter {

  /** {@code system} or {@code baseline}. */
  String name();

  /** Stores one batch, in topic order; returns once it is committed. */
  void write(List<SourcedEvent> batch) throws SQLException;

  /** The user messages stored in this writer's server databases. */
  long storedMessages() throws SQLException;
}
