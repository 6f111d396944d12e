package io.ohkay.edge.db;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a server's database is and how to log in to it, as its registry row says.
 *
 * @param serverId the server
 * @param cluster the name of the PostgreSQL cluster holding its database
 * @param database the database's name
 * @param role the server's own login role; null in rows written before servers had one, which are
 *     read with the cluster's administrative login
 * @param sealedPassword the role's password, sealed for this row; null with {@code role}
 */
public record ServerPlacement(
    UUID serverId,
    String cluster,
    String database,
    @Nullable String role,
    @Nullable String sealedPassword) {

  /** The registry columns {@link #of} reads, for a select list over {@code servers}. */
  public static final String COLUMNS = "cluster, database_name, db_role, db_credentials";

  /** The placement of {@code serverId} from a row holding {@link #COLUMNS}. */
  public static ServerPlacement of(UUID serverId, Readable row) {
    return new ServerPlacement(
        serverId,
        required(row, "cluster"),
        required(row, "database_name"),
        row.get("db_role", String.class),
        row.get("db_credentials", String.class));
  }

  private static String required(Readable row, String column) {
    var value = row.get(column, String.class);
    if (value == null) {
      throw new IllegalStateException("servers." + column + " is null");
    }
    return value;
  }
}
