package io.ohkay.projector.projection;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
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
  UUID(Types.OTHER),
  /** A null {@code timestamptz}. */
  TIMESTAMPTZ(Types.TIMESTAMP_WITH_TIMEZONE),
  /** A null {@code int}. */
  INTEGER(Types.INTEGER);

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

  /** {@code value} at UTC, or a timestamptz NULL when absent. */
  public static Object timestamptz(@Nullable Instant value) {
    return value != null ? value.atOffset(ZoneOffset.UTC) : TIMESTAMPTZ;
  }

  /** {@code value}, or an int NULL when absent. */
  public static Object integer(@Nullable Integer value) {
    return value != null ? value : INTEGER;
  }

  /** {@code value}, or a uuid NULL when absent. */
  public static Object uuid(java.util.@Nullable UUID value) {
    return value != null ? value : UUID;
  }
}
