package io.ohkay.edge.dm;

import io.ohkay.edge.web.QueryParams;
import io.ohkay.schemas.error.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A page of the caller's conversations as the query string asks for it: those below {@code before},
 * the {@code next} cursor of the previous page (the most recent without it), {@code limit} from 1
 * to 100, 50 by default. The list is ordered by last activity, which moves while a client pages, so
 * the cursor carries the activity time it was given at as well as the conversation: a conversation
 * that becomes active meanwhile moves to the top without repeating or skipping any other.
 *
 * @param before where the page starts, null for the most recent
 */
record ConversationListRequest(ConversationQueries.@Nullable Cursor before, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})_([0-9a-fA-F-]{36})");

  /** Reads the query parameters; INVALID_CURSOR on bad input. */
  static ConversationListRequest from(MultiValueMap<String, String> params) {
    var strict = new QueryParams(params, ErrorCode.INVALID_CURSOR);
    var before = strict.single("before");
    return new ConversationListRequest(
        before == null ? null : decode(before, strict), strict.limit(DEFAULT_LIMIT, MAX_LIMIT));
  }

  /** The {@code next} cursor of a page whose last conversation is {@code last}. */
  static String encode(ConversationQueries.Cursor last) {
    var at = last.lastActivityAt();
    var micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    return micros + "_" + last.id();
  }

  private static ConversationQueries.Cursor decode(String token, QueryParams strict) {
    var matcher = CURSOR.matcher(token);
    if (!matcher.matches()) {
      throw strict.refusal("before must be the next cursor of a previous page.");
    }
    try {
      var at = Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS);
      return new ConversationQueries.Cursor(at, UUID.fromString(matcher.group(2)));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw strict.refusal("before must be the next cursor of a previous page.");
    }
  }
}
