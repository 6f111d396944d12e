package io.ohkay.edge.message;

import io.ohkay.edge.web.QueryParams;
import io.ohkay.schemas.error.ErrorCode;
import org.springframework.util.MultiValueMap;

/**
 * A message search as the query string asks for it: {@code q}, 1 to 200 characters with at least
 * one that is not blank (web search syntax: words, {@code "phrases"}, {@code or}, {@code -word}),
 * and {@code limit} from 1 to 100, 25 by default. Anything else is {@code VALIDATION_FAILED}.
 */
record SearchRequest(String query, int limit) {

  static final int MAX_QUERY_LENGTH = 200;
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  static SearchRequest from(MultiValueMap<String, String> params) {
    var strict = new QueryParams(params, ErrorCode.VALIDATION_FAILED);
    var query = strict.single("q");
    if (query == null || query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
      throw strict.refusal("q must be 1 to " + MAX_QUERY_LENGTH + " characters.");
    }
    return new SearchRequest(query, strict.limit(DEFAULT_LIMIT, MAX_LIMIT));
  }
}
