package io.ohkay.schemas.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for topic values: ISO-8601 instants, absent nulls omitted, unknown fields
 * tolerated (a newer producer may add optional fields to a v1 type).
 */
public final class Json {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private Json() {}

  /** The shared, immutable mapper. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Serializes a topic value to UTF-8 JSON. */
  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /** Reads a topic value; throws {@link tools.jackson.core.JacksonException} on bad input. */
  public static <T> T read(byte[] bytes, Class<T> type) {
    return MAPPER.readValue(bytes, type);
  }
}
