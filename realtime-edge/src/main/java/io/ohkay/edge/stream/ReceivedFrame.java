package io.ohkay.edge.stream;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.socket.WebSocketMessage;

/**
 * A client's data frame as read off the socket (at once: its buffer is released once handed on):
 * the frame, or why it is refused.
 */
record ReceivedFrame(@Nullable ClientFrame frame, @Nullable ProblemException refusal) {

  /** Reads a text frame ({@link ClientFrame#parse}); a binary one is refused. */
  static ReceivedFrame read(WebSocketMessage message) {
    if (message.getType() != WebSocketMessage.Type.TEXT) {
      return refused(new ProblemException(ErrorCode.MALFORMED_JSON, "Frames are JSON text."));
    }
    try {
      return new ReceivedFrame(ClientFrame.parse(message.getPayloadAsText()), null);
    } catch (ProblemException e) {
      return refused(e);
    }
  }

  private static ReceivedFrame refused(ProblemException refusal) {
    return new ReceivedFrame(null, refusal);
  }

  /** Why the frame is refused; only for a frame that could not be read. */
  ProblemException requireRefusal() {
    if (refusal == null) {
      throw new IllegalStateException("the frame was read");
    }
    return refusal;
  }
}
