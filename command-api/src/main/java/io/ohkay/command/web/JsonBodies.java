package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Reads JSON request bodies with a size cap, refusing anything else with a stable code. */
public final class JsonBodies {

  /**
   * Stricter than the topic mapper: a client's body is refused rather than guessed at, so a number
   * or boolean where text is expected, or a key given twice, is MALFORMED_JSON.
   */
  private static final JsonMapper REQUESTS =
      Json.mapper()
          .rebuild()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private JsonBodies() {}

  /** The body as {@code type}; at most {@code maxBytes} are buffered. */
  public static <T> Mono<T> read(ServerRequest request, Class<T> type, int maxBytes) {
    var contentType = request.headers().contentType().orElse(null);
    if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
      return Mono.error(
          new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json."));
    }
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
        .switchIfEmpty(
            Mono.error(() -> new ProblemException(ErrorCode.MALFORMED_JSON, "The body is empty.")))
        .map(
            buffer -> {
              try (InputStream in = buffer.asInputStream(true)) {
                return parse(in, type);
              } catch (IOException e) {
                throw new ProblemException(ErrorCode.MALFORMED_JSON, "Unreadable body.");
              }
            });
  }

  private static <T> T parse(InputStream in, Class<T> type) {
    try {
      var value = REQUESTS.readValue(in, type);
      if (value == null) {
        throw new ProblemException(ErrorCode.MALFORMED_JSON, "The body is null.");
      }
      return value;
    } catch (JacksonException e) {
      throw new ProblemException(
          ErrorCode.MALFORMED_JSON, "The body is not a valid JSON object for this endpoint.");
    }
  }
}
