package io.ohkay.edge.notification;

import io.ohkay.edge.web.QueryParams;
import io.ohkay.schemas.error.ErrorCode;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A page of the caller's notifications as the query string asks for it: those older than
 * notification {@code before} (the newest without it), {@code limit} from 1 to 100, 50 by default,
 * only the unread ones when {@code unread=true}.
 *
 * @param before the notification the page starts below, null for the newest
 * @param unreadOnly whether read notifications are left out
 */
record NotificationPageRequest(@Nullable UUID before, int limit, boolean unreadOnly) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /**
   * Reads the query parameters: INVALID_CURSOR or INVALID_ID for the page's cursor and limit,
   * VALIDATION_FAILED for {@code unread}.
   */
  static NotificationPageRequest from(MultiValueMap<String, String> params) {
    var strict = new QueryParams(params, ErrorCode.INVALID_CURSOR);
    return new NotificationPageRequest(
        strict.id("before"),
        strict.limit(DEFAULT_LIMIT, MAX_LIMIT),
        unreadOnly(new QueryParams(params, ErrorCode.VALIDATION_FAILED)));
  }

  private static boolean unreadOnly(QueryParams strict) {
    var unread = strict.single("unread");
    if (unread == null || unread.equals("false")) {
      return false;
    }
    if (unread.equals("true")) {
      return true;
    }
    throw strict.refusal("unread must be true or false.");
  }
}
