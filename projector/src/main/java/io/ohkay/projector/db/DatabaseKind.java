package io.ohkay.projector.db;

/** The kinds of projected database, each with its own migrations and Flyway history table. */
public enum DatabaseKind {
  /** {@code <prefix>auth}. */
  AUTH("db/auth", "flyway_auth_history"),
  /** {@code <prefix>server_registry}. */
  REGISTRY("db/registry", "flyway_registry_history"),
  /** {@code <prefix>dms}: direct-message conversations, messages, read status, blocks. */
  DMS("db/dms", "flyway_dms_history"),
  /** {@code <prefix>server_<id>}, one per server. */
  SERVER("db/server", "flyway_server_history");

  private final String migrations;
  private final String historyTable;

  DatabaseKind(String migrations, String historyTable) {
    this.migrations = migrations;
    this.historyTable = historyTable;
  }

  /** The classpath folder of this kind's migrations. */
  public String migrations() {
    return migrations;
  }

  /** The Flyway history table of this kind. */
  public String historyTable() {
    return historyTable;
  }
}
