package io.ohkay.projector.projection;

import java.util.List;
import java.util.Objects;

/**
 * A parameterized SQL statement a projection emits. Within one database the statements of a batch
 * run grouped, in ascending {@code order}, so rows a foreign key points at are written first.
 *
 * @param name a short name for logs and tests, usually the table
 * @param order position among the statements of the same database
 * @param sql the statement with {@code ?} placeholders
 * @param merge how rows of the same batch combine before they are sent
 */
public record Statement(String name, int order, String sql, Merge merge) {

  /** How the rows of one statement combine inside a batch. */
  public enum Merge {
    /** Every row is sent as is. */
    NONE,
    /**
     * Rows whose parameters are equal except the last are one row whose last parameter (a {@code
     * long}) is the sum: an upsert that increments a counter touches its row once per batch.
     */
    SUM_LAST,
    /**
     * Rows whose first two parameters (the key of an upsert) are equal are one row, the later one:
     * a multi-row upsert may touch each of its rows only once.
     */
    LAST_PER_PAIR,
    /**
     * Rows whose parameters are equal except the last are one row whose last parameter (an {@link
     * java.time.OffsetDateTime}) is the latest: an upsert that only moves a time forward touches
     * its row once per batch.
     */
    LATEST_LAST
  }

  public Statement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(merge, "merge");
  }

  /** A statement whose rows are sent as is. */
  public static Statement of(String name, int order, String sql) {
    return new Statement(name, order, sql, Merge.NONE);
  }

  /** The parameters of one execution of this statement. */
  public Write with(Object... params) {
    return new Write(this, List.of(params));
  }
}
