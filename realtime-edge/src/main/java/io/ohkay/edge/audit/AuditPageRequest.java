package io.ohkay.edge.audit;

import io.ohkay.edge.web.QueryParams;
import io.ohkay.schemas.error.ErrorCode;
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
    var strict = new QueryParams(params, ErrorCode.INVALID_CURSOR);
    return new AuditPageRequest(strict.id("before"), strict.limit(DEFAULT_LIMIT, MAX_LIMIT));
  }
}
