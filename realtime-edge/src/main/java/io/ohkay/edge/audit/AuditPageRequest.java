package io.ohkay.edge.audit;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A page of the audit log as the query string asks for it: the entries older than entry {@code
 * before} (the newest without it), {@code limit} from 1 to 100, 50 by default.
 *
 * @param before the entry the page starts below, null for the newest entries
 */
record AuditPageRequest(@Nullable UUID before, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Reads the query parameters; INVALID_CURSOR or INVALID_ID on bad input. */
  static AuditPageRequest from(MultiValueMap<String, String> params) {
    var before = single(params, "before");
    return new AuditPageRequest(
        before == null ? null : RequestIds.parse(before, "before"), limit(single(params, "limit")));
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
