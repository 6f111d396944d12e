package io.ohkay.projector.db;

import java.util.Collection;

/**
 * A database is placed on a PostgreSQL cluster this process has no connection settings for. Not
 * skipped: the batch writing it fails and is retried, as after a lost connection, until the cluster
 * is configured ({@code ohkay.projector.clusters}) and the projector restarted.
 */
public final class UnknownClusterException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String cluster;

  public UnknownClusterException(String cluster, String database, Collection<String> configured) {
    super(
        "database "
            + database
            + " is placed on cluster '"
            + cluster
            + "', which is not configured (ohkay.projector.clusters has "
            + configured
            + ")");
    this.cluster = cluster;
  }

  /** The name of the missing cluster. */
  public String cluster() {
    return cluster;
  }
}
