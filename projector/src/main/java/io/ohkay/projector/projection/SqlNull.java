package io.ohkay.projector.projection;

import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * A SQL NULL parameter with its JDBC type. A statement whose column may be null in some rows takes
 * this rather than a variant without the column: the rows of one statement keep their event order
 * in a batch, the rows of two statements do not.
 */
public enum SqlNull {
  /** A null {@code text}. */
  TEXT(Types.VARCHAR),
  /** A null {@code uuid}. */
  UUID(Types.OTHER);

  private final int jdbcType;

  SqlNull(int jdbcType) {
    this.jdbcType = jdbcType;
  }

  /** The {@link java.sql.Types} code to bind the null with. */
  public int jdbcType() {
    return jdbcType;
  }

  /** {@code value}, or a text NULL when absent. */
  public static Object text(@Nullable String value) {
    return value != null ? value : TEXT;
  }

  /** {@code value}, or a uuid NULL when absent. */
  public static Object uuid(java.util.@Nullable UUID value) {
    return value != null ? value : UUID;
  }
}
