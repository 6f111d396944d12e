package io.ohkay.bench.e2e;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The identity a posted message carries in its content, so its arrival on the stream can be matched
 * to its scheduled send time.
 *
 * @param token the step the message belongs to ({@code [a-z0-9]+})
 * @param seq the message's index in its step's schedule
 */
record MessageTag(String token, int seq) {

  private static final String PREFIX = "ohkay-bench:";

  /** The message content: {@code ohkay-bench:<token>:<seq>}. */
  String content() {
    return PREFIX + token + ":" + seq;
  }

  /** The tag a message content carries; empty for any other content. */
  static Optional<MessageTag> parse(@Nullable String content) {
    if (content == null || !content.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int colon = content.lastIndexOf(':');
    if (colon <= PREFIX.length()) {
      return Optional.empty();
    }
    try {
      int seq = Integer.parseInt(content.substring(colon + 1));
      return Optional.of(new MessageTag(content.substring(PREFIX.length(), colon), seq));
    } catch (NumberFormatException notATag) {
      return Optional.empty();
    }
  }
}
