package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.Ids;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Reads the ids of a request strictly: anything but a canonical UUID is {@code INVALID_ID}. */
public final class RequestIds {

  private RequestIds() {}

  /** The UUID in path variable {@code name}. */
  public static UUID path(ServerRequest request, String name) {
    return parse(request.pathVariable(name), name);
  }

  /** The UUID in {@code text}, naming {@code what} in the error. */
  public static UUID parse(String text, String what) {
    try {
      return Ids.parseUuid(text);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ErrorCode.INVALID_ID, what + " is not a UUID.");
    }
  }
}
