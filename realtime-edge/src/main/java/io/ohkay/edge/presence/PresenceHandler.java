package io.ohkay.edge.presence;

import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.QueryParams;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/presence} ({@code {"status":"online"|"idle"}}, 204): the caller's idle flag in
 * this edge's signals; {@code GET /api/presence?userIds=a,b,c} (up to {@value #MAX_IDS} ids):
 * {@code [{"userId","status"}]} for the asked users who share a server or a conversation with the
 * caller (and the caller), the others left out as if unknown.
 */
final class PresenceHandler {

  static final int MAX_IDS = 100;

  private final Authenticator authenticator;
  private final PresenceQueries queries;
  private final PresenceBoard board;
  private final ClientSignals signals;

  PresenceHandler(
      Authenticator authenticator,
      PresenceQueries queries,
      PresenceBoard board,
      ClientSignals signals) {
    this.authenticator = authenticator;
    this.queries = queries;
    this.board = board;
    this.signals = signals;
  }

  Mono<ServerResponse> set(ServerRequest request) {
    var user = authenticator.require(request).userId();
    return request
        .bodyToMono(String.class)
        .switchIfEmpty(Mono.error(() -> malformed()))
        .map(PresenceHandler::isIdle)
        .flatMap(
            idle -> {
              signals.idle(user, idle);
              return ServerResponse.noContent().build();
            });
  }

  Mono<ServerResponse> query(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var asked = userIds(new QueryParams(request.queryParams(), ErrorCode.VALIDATION_FAILED));
    return queries
        .peersAmong(user, asked)
        .map(peers -> visible(user, asked, peers))
        .flatMap(
            statuses ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(statuses));
  }

  private List<PresenceEvents.PresenceView> visible(UserId user, Set<UUID> asked, Set<UUID> peers) {
    return asked.stream()
        .filter(id -> peers.contains(id) || id.equals(user.value()))
        .map(id -> new PresenceEvents.PresenceView(id, board.status(new UserId(id)).wireName()))
        .toList();
  }

  /** {@code true} for {@code idle}, {@code false} for {@code online}. */
  static boolean isIdle(String body) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw malformed();
    }
    return ClientSignals.isIdle(json);
  }

  /** The distinct ids of {@code userIds}, in their order. */
  static Set<UUID> userIds(QueryParams params) {
    var text = params.single("userIds");
    if (text == null || text.isBlank()) {
      throw params.refusal("userIds is required: up to " + MAX_IDS + " user ids, comma-separated.");
    }
    var parts = text.split(",", -1);
    if (parts.length > MAX_IDS) {
      throw params.refusal("userIds holds at most " + MAX_IDS + " ids.");
    }
    var ids = new LinkedHashSet<UUID>();
    for (var part : parts) {
      ids.add(RequestIds.parse(part.strip(), "userIds"));
    }
    return ids;
  }

  private static ProblemException malformed() {
    return new ProblemException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON.");
  }
}
