package io.ohkay.bench.projector;

import io.ohkay.projector.apply.ServerEventsApplier;
import io.ohkay.projector.apply.SourcedEvent;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The system: the live projector's {@link ServerEventsApplier}, given each batch with the offsets
 * after it exactly as its consumer thread gives a poll.
 */
final class AppliedWrites implements MessageWriter {

  private final ServerEventsApplier applier;
  private final List<DataSource> serverDatabases;

  AppliedWrites(ServerEventsApplier applier, List<DataSource> serverDatabases) {
    this.applier = applier;
    this.serverDatabases = List.copyOf(serverDatabases);
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public void write(List<SourcedEvent> batch) throws SQLException {
    applier.apply(batch, MessageEvents.nextOffsets(batch));
  }

  @Override
  public long storedMessages() throws SQLException {
    return StoredMessages.count(serverDatabases);
  }
}
