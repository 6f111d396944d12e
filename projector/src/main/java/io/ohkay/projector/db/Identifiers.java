package io.ohkay.projector.db;

import java.util.regex.Pattern;

/** The names of databases and roles this adapter creates, checked and quoted for SQL text. */
final class Identifiers {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");

  private Identifiers() {}

  /** {@code name} as a quoted identifier, once checked to be a lowercase name PostgreSQL keeps. */
  static String quote(String name) {
    check(name);
    return "\"" + name + "\"";
  }

  /**
   * @throws IllegalArgumentException unless {@code name} has only lowercase letters, digits and
   *     underscores, at most 63
   */
  static void check(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a database or role name: " + name);
    }
  }
}
