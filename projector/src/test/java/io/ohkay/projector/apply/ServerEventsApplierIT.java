package io.ohkay.projector.apply;

import io.ohkay.projector.ChannelRows;
import io.ohkay.projector.MembershipRows;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.db.DatabaseKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The projections on real databases end the same whether a history is one (redelivered) batch or
 * one batch per event: in the registry a membership life, where one user joins, leaves and joins
 * again; in a server's own database a channel life, where channels are renamed, moved and one is
 * deleted with the messages posted to it in the same batch.
 */
class ServerEventsApplierIT {

  @RegisterExtension
  static final AppliedDatabases DATABASES = new AppliedDatabases("server-events");

  @Test
  void shouldEqualEventByEventWritesWhenAMembershipLifeIsOneRedeliveredBatch() throws Exception {
    var life = TestEvents.membershipLife();

    var oneBatch =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(this::applier, life.events());

    MembershipRows.assertProjected(DATABASES.environment(), oneBatch, life);
  }

  @Test
  void shouldEqualEventByEventWritesWhenAChannelLifeIsOneRedeliveredBatch() throws Exception {
    var life = TestEvents.channelLife();

    var oneBatch =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "server_", this::serverApplier, life.events());

    ChannelRows.assertProjected(DATABASES.environment(), oneBatch, life);
  }

  /** Writes only the server database, opened on each use as the projector does. */
  private ServerEventsApplier serverApplier(String database) {
    return new ServerEventsApplier(
        DATABASES.environment().names(),
        null,
        id -> Optional.of(DATABASES.open(database, DatabaseKind.SERVER)),
        new AppliedSeqs());
  }

  private ServerEventsApplier applier(String database) throws Exception {
    var registry = DATABASES.open(database, DatabaseKind.REGISTRY);
    return new ServerEventsApplier(
        DATABASES.environment().names(), registry, id -> Optional.empty(), new AppliedSeqs());
  }
}
