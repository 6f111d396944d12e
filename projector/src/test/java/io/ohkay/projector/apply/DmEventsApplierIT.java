package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.DmLife;
import io.ohkay.projector.DmLifeRows;
import io.ohkay.projector.db.DatabaseKind;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DM projections on real DM and auth databases: every DM event type gives its rows (the
 * conversations, soft-deleted messages, reads and blocks the unread counts and lists need, the DM
 * notifications), however the events are cut into batches and however often a batch is redelivered.
 */
class DmEventsApplierIT {

  @RegisterExtension static final AppliedDatabases DATABASES = new AppliedDatabases("dm-events");

  @Test
  void shouldEqualEventByEventWritesWhenADmLifeIsOneRedeliveredBatch() throws Exception {
    var life = DmLife.create();

    var dms =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "dms_", this::dmsApplier, life.events());
    var auth =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "auth_", this::authApplier, life.events());

    var environment = DATABASES.environment();
    DmLifeRows.assertDms(environment, dms, life);
    DmLifeRows.assertNotifications(environment, auth, life);
    assertThat(environment.queryLong(auth, "SELECT count(*) FROM notifications")).isEqualTo(4);
  }

  /**
   * The notifications are committed, then the projector stops before the DM database's commit: the
   * redelivered batch writes the DM database and skips the notifications the auth database has.
   */
  @Test
  void shouldWriteEachNotificationOnceWhenTheBatchIsRedeliveredAfterOnlyTheAuthCommit()
      throws Exception {
    var life = DmLife.create();
    var environment = DATABASES.environment();
    var dms = environment.prefix() + "crash_dms";
    var auth = environment.prefix() + "crash_auth";
    var events = DATABASES.sourced(life.events());
    var next = DATABASES.next(events.size());

    new DmEventsApplier(null, DATABASES.open(auth, DatabaseKind.AUTH), new AppliedSeqs())
        .apply(events, next);
    var applier =
        new DmEventsApplier(
            DATABASES.open(dms, DatabaseKind.DMS),
            DATABASES.open(auth, DatabaseKind.AUTH),
            new AppliedSeqs());
    applier.apply(events, next);

    DmLifeRows.assertDms(environment, dms, life);
    DmLifeRows.assertNotifications(environment, auth, life);
    assertThat(applier.storedOffsets(next.keySet())).isEqualTo(next);
    assertThat(applier.appliedSeq(life.annBen())).isEqualTo(12);
    assertThat(applier.appliedSeq(life.cyAnn())).isEqualTo(4);
    var lastSeqs = new TreeMap<String, Long>();
    for (var conversation : List.of(life.benCy(), life.annBen(), life.cyAnn())) {
      lastSeqs.put(conversation.toString(), applier.appliedSeq(conversation));
    }
    assertThat(
            environment.queryRows(
                auth,
                "aggregate_id || ' ' || seq",
                "aggregate_versions",
                "aggregate_id::text COLLATE \"C\""))
        .as("the auth database's guard: every conversation's last seq, notifying or not")
        .isEqualTo(
            lastSeqs.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(",")));
  }

  private DmEventsApplier dmsApplier(String database) throws Exception {
    return new DmEventsApplier(DATABASES.open(database, DatabaseKind.DMS), null, new AppliedSeqs());
  }

  private DmEventsApplier authApplier(String database) throws Exception {
    return new DmEventsApplier(
        null, DATABASES.open(database, DatabaseKind.AUTH), new AppliedSeqs());
  }
}
