package io.ohkay.edge.history;

import io.ohkay.edge.web.QueryParams;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A page of a history as the query string asks for it: {@code before}, {@code after} or {@code
 * around} a message id (at most one of them), {@code limit} from 1 to 100, 50 by default.
 */
public record PageRequest(PageCursor cursor, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Reads the query parameters; INVALID_CURSOR or INVALID_ID on bad input. */
  public static PageRequest from(MultiValueMap<String, String> params) {
    var strict = new QueryParams(params, ErrorCode.INVALID_CURSOR);
    var before = strict.single("before");
    var after = strict.single("after");
    var around = strict.single("around");
    if (Stream.of(before, after, around).filter(Objects::nonNull).count() > 1) {
      throw strict.refusal("Use one of before, after and around.");
    }
    return new PageRequest(cursor(before, after, around), strict.limit(DEFAULT_LIMIT, MAX_LIMIT));
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
}
