package io.ohkay.projector.rebuild;

import io.ohkay.projector.db.DatabaseKind;

/** Which database a rebuild produces; {@link Rebuilder} says from which events topics. */
public enum RebuildKind {
  /**
   * The auth database, from the auth events, then the server and DM events for its notifications.
   */
  AUTH(DatabaseKind.AUTH),
  /** The registry, from the server events. */
  REGISTRY(DatabaseKind.REGISTRY),
  /** One server's own database, from that server's events only. */
  SERVER(DatabaseKind.SERVER),
  /** The DM database, from the DM events. */
  DMS(DatabaseKind.DMS);

  private final DatabaseKind databaseKind;

  RebuildKind(DatabaseKind databaseKind) {
    this.databaseKind = databaseKind;
  }

  /** The schema the target database is migrated to. */
  public DatabaseKind databaseKind() {
    return databaseKind;
  }
}
