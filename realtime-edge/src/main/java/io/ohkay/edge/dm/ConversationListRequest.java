package io.ohkay.edge.dm;

import io.ohkay.edge.web.QueryParams;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A page of the caller's conversations as the query string asks for it: those with older activity
 * than conversation {@code before} (the most recent without it), {@code limit} from 1 to 100, 50 by
 * default.
 *
 * @param before the conversation the page starts below, null for the most recent
 */
record ConversationListRequest(@Nullable UUID before, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  /** Reads the query parameters; INVALID_CURSOR or INVALID_ID on bad input. */
  static ConversationListRequest from(MultiValueMap<String, String> params) {
    var strict = new QueryParams(params, ErrorCode.INVALID_CURSOR);
    var before = strict.single("before");
    return new ConversationListRequest(
        before == null ? null : RequestIds.parse(before, "before"),
        strict.limit(DEFAULT_LIMIT, MAX_LIMIT));
  }
}
