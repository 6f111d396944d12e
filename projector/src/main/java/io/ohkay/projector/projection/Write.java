package io.ohkay.projector.projection;

import java.util.List;

/**
 * One execution of a statement. Parameters are never Java null: an absent value is a {@link
 * SqlNull}, so every value has a JDBC type.
 *
 * @param statement what to execute
 * @param params the values of its placeholders, in order
 */
public record Write(Statement statement, List<Object> params) {

  public Write {
    params = List.copyOf(params);
  }
}
