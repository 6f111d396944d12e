package io.ohkay.edge.position;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.outcome.Position;
import java.time.Duration;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Read-your-writes for queries (DESIGN §5): a request carrying {@code X-Ohkay-Min-Position} waits,
 * at most {@code maxWait}, until the database it reads has applied that position.
 */
public final class ReadYourWrites {

  /** The request header naming the position to wait for: {@code <aggregateId>:<seq>}. */
  public static final String MIN_POSITION_HEADER = "X-Ohkay-Min-Position";

  /** The response header of an answer given before the position was applied. */
  public static final String STALE_HEADER = "X-Ohkay-Stale";

  private final Duration maxWait;

  public ReadYourWrites(Duration maxWait) {
    this.maxWait = maxWait;
  }

  /** The wait {@code request} asks for; {@code VALIDATION_FAILED} when the header is malformed. */
  public PositionWait of(ServerRequest request) {
    var values = request.headers().header(MIN_POSITION_HEADER);
    if (values.isEmpty()) {
      return PositionWait.none();
    }
    if (values.size() > 1) {
      throw malformed("send one " + MIN_POSITION_HEADER + " header");
    }
    try {
      return PositionWait.until(Position.parse(values.getFirst()), maxWait);
    } catch (IllegalArgumentException e) {
      throw malformed(MIN_POSITION_HEADER + " must be <aggregateId>:<seq>");
    }
  }

  private static ProblemException malformed(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail + ".");
  }
}
