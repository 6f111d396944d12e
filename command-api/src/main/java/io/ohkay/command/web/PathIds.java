package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import java.util.function.Function;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Typed ids from path variables; anything but a canonical UUID is INVALID_ID. */
public final class PathIds {

  private PathIds() {}

  public static <T> T get(ServerRequest request, String variable, Function<String, T> parser) {
    try {
      return parser.apply(request.pathVariable(variable));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ErrorCode.INVALID_ID, variable + " is not a valid id.");
    }
  }
}
