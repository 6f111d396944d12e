package io.ohkay.projector.kafka;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Finds the first field a decoded fact lacks. JSON without a field decodes to null; a null where
 * the fact's type does not allow one (a record component not annotated {@link Nullable}) would fail
 * the fact's projection each time it is applied. Records within records, and the elements of
 * collections, are checked too.
 */
final class RequiredFields {

  private RequiredFields() {}

  /** The path of the first null {@code value} holds where its type allows none, or null if none. */
  static @Nullable String firstMissing(Record value) {
    return firstMissing(value, "");
  }

  private static @Nullable String firstMissing(Record record, String path) {
    for (var component : record.getClass().getRecordComponents()) {
      var name = path + component.getName();
      var value = read(component, record);
      var missing =
          value == null
              ? nullUnlessAllowed(component.getAnnotatedType(), name)
              : firstMissingWithin(value, component.getAnnotatedType(), name);
      if (missing != null) {
        return missing;
      }
    }
    return null;
  }

  private static @Nullable String firstMissingWithin(
      Object value, AnnotatedType type, String path) {
    if (value instanceof Record record) {
      return firstMissing(record, path + ".");
    }
    if (value instanceof Collection<?> elements
        && type instanceof AnnotatedParameterizedType parameterized
        && parameterized.getAnnotatedActualTypeArguments().length == 1) {
      var elementType = parameterized.getAnnotatedActualTypeArguments()[0];
      var index = 0;
      for (var element : elements) {
        var at = path + "[" + index++ + "]";
        var missing =
            element == null
                ? nullUnlessAllowed(elementType, at)
                : firstMissingWithin(element, elementType, at);
        if (missing != null) {
          return missing;
        }
      }
    }
    return null;
  }

  private static @Nullable String nullUnlessAllowed(AnnotatedType type, String path) {
    return type.isAnnotationPresent(Nullable.class) ? null : path;
  }

  private static @Nullable Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
