package io.ohkay.command.web;

import com.github.f4b6a3.uuid.UuidCreator;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.CommandId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Command ids: a fresh UUIDv7, or fixed by the client's {@code Idempotency-Key} so a retried
 * request is the same command and yields the same outcome.
 */
public final class CommandIds {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 200;

  private CommandIds() {}

  /**
   * The id of the command this request expresses; {@code scope} keeps callers' keys apart, and the
   * method and path keep a caller's requests apart (a {@code DELETE} of what a {@code PUT} with the
   * same key did is another command).
   */
  public static CommandId of(ServerRequest request, @Nullable Object scope) {
    var key = request.headers().firstHeader(IDEMPOTENCY_KEY);
    if (key == null) {
      return new CommandId(newId());
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, "Idempotency-Key must be 1 to 200 characters.");
    }
    var name = request.method().name() + "|" + request.path() + "|" + scope + "|" + key;
    return new CommandId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** A new time-ordered id (UUIDv7). */
  public static UUID newId() {
    return UuidCreator.getTimeOrderedEpoch();
  }
}
