package io.ohkay.edge.message;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A page of a channel's history as the query string asks for it: {@code before}, {@code after} or
 * {@code around} a message id (at most one of them), {@code limit} from 1 to 100, 50 by default.
 */
record PageRequest(PageCursor cursor, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Reads the query parameters; INVALID_CURSOR or INVALID_ID on bad input. */
  static PageRequest from(MultiValueMap<String, String> params) {
    var before = single(params, "before");
    var after = single(params, "after");
    var around = single(params, "around");
    if (Stream.of(before, after, around).filter(Objects::nonNull).count() > 1) {
      throw invalidCursor("Use one of before, after and around.");
    }
    return new PageRequest(cursor(before, after, around), limit(single(params, "limit")));
  }

  private static PageCursor cursor(
      @Nullable String before, @Nullable String after, @Nullable String around) {
    if (before != null) {
      return new PageCursor.Before(RequestIds.parse(before, "before"));
    }
    if (after != null) {
      return new PageCursor.After(RequestIds.parse(after, "after"));
    }
    if (around != null) {
      return new PageCursor.Around(RequestIds.parse(around, "around"));
    }
    return new PageCursor.Latest();
  }

  private static int limit(@Nullable String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      throw invalidCursor("limit must be a number from 1 to " + MAX_LIMIT + ".");
    }
    var limit = Integer.parseInt(text);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalidCursor("limit must be a number from 1 to " + MAX_LIMIT + ".");
    }
    return limit;
  }

  private static @Nullable String single(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw invalidCursor("Send " + name + " once.");
    }
    return values.getFirst();
  }

  private static ProblemException invalidCursor(String detail) {
    return new ProblemException(ErrorCode.INVALID_CURSOR, detail);
  }
}
