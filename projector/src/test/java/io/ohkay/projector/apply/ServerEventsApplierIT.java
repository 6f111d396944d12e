package io.ohkay.projector.apply;

import io.ohkay.projector.MembershipRows;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.db.DatabaseKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry projections on a real registry: a membership life, where one user joins, leaves and
 * joins again, ends the same whether it is one (redelivered) batch or one batch per event.
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

  private ServerEventsApplier applier(String database) throws Exception {
    var registry = DATABASES.open(database, DatabaseKind.REGISTRY);
    return new ServerEventsApplier(
        DATABASES.environment().names(), registry, id -> Optional.empty(), new AppliedSeqs());
  }
}
