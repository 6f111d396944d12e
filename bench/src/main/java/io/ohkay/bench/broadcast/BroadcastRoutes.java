package io.ohkay.bench.broadcast;

import com.github.f4b6a3.uuid.UuidCreator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broadcaster's HTTP API on reactor-netty's own routes: {@code POST
 * /api/servers/{sid}/channels/{cid}/messages} serializes the message once, publishes it, and
 * answers 201 with it; {@code GET /api/stream} is the broadcast. One bearer token for everyone.
 */
final class BroadcastRoutes {

  /** What clients see of a message, in the shape Ohkay uses, plus its event type. */
  record Message(
      String type,
      UUID id,
      UUID serverId,
      UUID channelId,
      UUID authorId,
      String content,
      String createdAt,
      long seq) {}

  static final String MESSAGE_POSTED = "message.posted.v1";

  private final SharedEvents events;
  private final String authorization;
  private final UUID serverId;
  private final UUID authorId;
  private final JsonMapper json = JsonMapper.builder().build();
  private long seq;

  BroadcastRoutes(SharedEvents events, String bearerToken, UUID serverId, UUID authorId) {
    this.events = events;
    this.authorization = "Bearer " + bearerToken;
    this.serverId = serverId;
    this.authorId = authorId;
  }

  void routes(HttpServerRoutes routes) {
    routes
        .post("/api/servers/{serverId}/channels/{channelId}/messages", this::post)
        .get("/api/stream", this::stream);
  }

  private Publisher<Void> stream(HttpServerRequest request, HttpServerResponse response) {
    if (!authorized(request)) {
      return response.status(HttpResponseStatus.UNAUTHORIZED).send();
    }
    return response
        .header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
        .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .send(events.subscribe());
  }

  private Publisher<Void> post(HttpServerRequest request, HttpServerResponse response) {
    if (!authorized(request)) {
      return response.status(HttpResponseStatus.UNAUTHORIZED).send();
    }
    UUID channelId = uuidOrNull(request.param("channelId"));
    if (channelId == null || !serverId.toString().equals(request.param("serverId"))) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .defaultIfEmpty(new byte[0])
        .flatMap(
            body -> {
              String content = content(body);
              if (content == null || content.isBlank()) {
                return response.status(HttpResponseStatus.BAD_REQUEST).send().then();
              }
              byte[] message = publish(channelId, content);
              return response
                  .status(HttpResponseStatus.CREATED)
                  .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                  .sendByteArray(Mono.just(message))
                  .then();
            });
  }

  /** Serializes the message once and publishes it framed once; returns its JSON. */
  private byte[] publish(UUID channelId, String content) {
    synchronized (this) {
      var message =
          new Message(
              MESSAGE_POSTED,
              UuidCreator.getTimeOrderedEpoch(),
              serverId,
              channelId,
              authorId,
              content,
              Instant.now().toString(),
              ++seq);
      byte[] body = json.writeValueAsBytes(message);
      events.publish(SharedEvents.frame(MESSAGE_POSTED, Long.toString(message.seq()), body));
      return body;
    }
  }

  private @Nullable String content(byte[] body) {
    try {
      JsonNode content = json.readTree(body).path("content");
      return content.isString() ? content.stringValue() : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private boolean authorized(HttpServerRequest request) {
    return authorization.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
  }

  private static @Nullable UUID uuidOrNull(@Nullable String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
