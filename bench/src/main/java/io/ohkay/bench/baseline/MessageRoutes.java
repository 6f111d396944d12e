package io.ohkay.bench.baseline;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline's HTTP API: {@code POST /api/servers/{sid}/channels/{cid}/messages} inserts, then
 * broadcasts, then answers 201 with the message; {@code GET /api/stream} is the SSE broadcast.
 */
final class MessageRoutes {

  private static final int MAX_CONTENT_LENGTH = 4_000;

  private final MessageStore store;
  private final MessageBroadcaster broadcaster;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String authorization;
  private final UUID serverId;
  private final UUID authorId;

  MessageRoutes(
      MessageStore store,
      MessageBroadcaster broadcaster,
      String bearerToken,
      UUID serverId,
      UUID authorId) {
    this.store = store;
    this.broadcaster = broadcaster;
    this.authorization = "Bearer " + bearerToken;
    this.serverId = serverId;
    this.authorId = authorId;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/servers/{serverId}/channels/{channelId}/messages", this::post)
        .GET("/api/stream", this::stream)
        .build();
  }

  /** The body of a post. */
  record PostMessage(@Nullable String content) {}

  private Mono<ServerResponse> post(ServerRequest request) {
    if (!authorized(request)) {
      return problem(HttpStatus.UNAUTHORIZED, "missing or invalid bearer token");
    }
    UUID channelId = uuidOrNull(request.pathVariable("channelId"));
    if (channelId == null || !serverId.equals(uuidOrNull(request.pathVariable("serverId")))) {
      return problem(HttpStatus.NOT_FOUND, "no such channel");
    }
    return request
        .bodyToMono(PostMessage.class)
        .flatMap(
            body ->
                body.content() != null && valid(body.content())
                    ? save(channelId, body.content())
                    : invalid())
        .switchIfEmpty(Mono.defer(MessageRoutes::invalid));
  }

  private Mono<ServerResponse> save(UUID channelId, String content) {
    return store
        .insert(serverId, channelId, authorId, content)
        .flatMap(
            message -> {
              String body = json.writeValueAsString(message);
              broadcaster.publish(body);
              return ServerResponse.created(location(message))
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(body);
            })
        .onErrorResume(
            R2dbcDataIntegrityViolationException.class,
            unknownChannel -> problem(HttpStatus.NOT_FOUND, "no such channel"));
  }

  private Mono<ServerResponse> stream(ServerRequest request) {
    if (!authorized(request)) {
      return problem(HttpStatus.UNAUTHORIZED, "missing or invalid bearer token");
    }
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .body(
            BodyInserters.fromServerSentEvents(
                broadcaster.subscribe().map(data -> ServerSentEvent.builder(data).build())));
  }

  private boolean authorized(ServerRequest request) {
    return authorization.equals(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
  }

  private static boolean valid(String content) {
    return !content.isBlank() && content.length() <= MAX_CONTENT_LENGTH;
  }

  private static Mono<ServerResponse> invalid() {
    return problem(HttpStatus.BAD_REQUEST, "content must be 1 to 4000 characters");
  }

  private static URI location(BaselineMessage message) {
    return URI.create(
        "/api/servers/%s/channels/%s/messages/%s"
            .formatted(message.serverId(), message.channelId(), message.id()));
  }

  private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(
            "{\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(status.getReasonPhrase(), status.value(), detail));
  }

  private static @Nullable UUID uuidOrNull(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
