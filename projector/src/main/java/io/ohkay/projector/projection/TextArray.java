package io.ohkay.projector.projection;

import java.util.List;

/** A {@code text[]} parameter: the names of enum constants, in order. */
public final class TextArray {

  private TextArray() {}

  /** The names of {@code values}, bound as a {@code text[]}. */
  public static String[] ofNames(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toArray(String[]::new);
  }
}
