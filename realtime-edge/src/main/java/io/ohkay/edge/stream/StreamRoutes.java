package io.ohkay.edge.stream;

import io.ohkay.edge.access.AccessReader;
import io.ohkay.edge.kafka.EventFeed;
import io.ohkay.edge.kafka.FeedHistory;
import io.ohkay.edge.kafka.RevocationFeed;
import io.ohkay.edge.presence.ClientSignals;
import io.ohkay.edge.presence.PresenceBoard;
import io.ohkay.edge.presence.PresenceQueries;
import io.ohkay.edge.presence.UserPresence;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;

/**
 * The live stream: {@code GET /api/stream} (SSE) and {@code GET /api/ws} (WebSocket), the edge's
 * one consumer of the events topics, the hub between them, the relay of the presence board's news
 * to it and the {@code edge} health indicator (which also reports the revocation feed).
 */
@Configuration(proxyBeanMethods = false)
public class StreamRoutes {

  /** The pause before the permissions of a server are read again when behind the feed. */
  private static final Duration ACCESS_RETRY_DELAY = Duration.ofMillis(100);

  /** How long connections wait for their servers' permissions to line up with the feed. */
  private static final Duration ACCESS_TIMEOUT = Duration.ofSeconds(15);

  /** Before the functional routes' mapping (-1). */
  private static final int SOCKET_MAPPING_ORDER = -2;

  @Bean
  StreamHub edgeStreamHub(
      StreamSettings edgeStreamSettings,
      SessionRevocations edgeSessionRevocations,
      ServerDirectory edgeServerDirectory,
      AccessReader edgeAccessReader,
      UserPresence edgePresence) {
    return new StreamHub(
        StreamTopics.in(edgeStreamSettings.topicPrefix()),
        edgeStreamSettings.connectionBufferSize(),
        edgeSessionRevocations,
        edgeServerDirectory::serverIdsOf,
        edgeServerDirectory::memberRowsOf,
        new AccessLoading(edgeAccessReader::load, ACCESS_RETRY_DELAY, ACCESS_TIMEOUT),
        edgePresence,
        edgeStreamSettings.resumeMemoryRecords(),
        new FeedHistory(edgeStreamSettings.bootstrapServers()));
  }

  @Bean
  PresenceRelay edgePresenceRelay(
      StreamHub edgeStreamHub,
      ServerDirectory edgeServerDirectory,
      PresenceQueries edgePresenceQueries,
      PresenceBoard edgePresenceBoard) {
    var relay =
        new PresenceRelay(
            edgeStreamHub, edgeServerDirectory::serverIdsOfEach, edgePresenceQueries::partnersOf);
    edgePresenceBoard.listen(relay);
    return relay;
  }

  @Bean
  EventFeed edgeEventFeed(StreamSettings edgeStreamSettings, StreamHub edgeStreamHub) {
    return new EventFeed(
        edgeStreamSettings.bootstrapServers(),
        StreamTopics.in(edgeStreamSettings.topicPrefix()).all(),
        edgeStreamHub);
  }

  @Bean
  HealthIndicator edge(
      EventFeed edgeEventFeed, StreamHub edgeStreamHub, RevocationFeed edgeRevocationFeed) {
    return new StreamHealth(edgeEventFeed, edgeStreamHub, edgeRevocationFeed);
  }

  @Bean
  StreamOpener edgeStreamOpener(ServerDirectory edgeServerDirectory, StreamHub edgeStreamHub) {
    return new StreamOpener(edgeServerDirectory, edgeStreamHub);
  }

  @Bean
  RouterFunction<ServerResponse> edgeStreamRoutes(
      Authenticator edgeAuthenticator,
      StreamOpener edgeStreamOpener,
      StreamSettings edgeStreamSettings) {
    var handler =
        new StreamHandler(
            edgeAuthenticator, edgeStreamOpener, edgeStreamSettings.heartbeatInterval());
    return RouterFunctions.route()
        .GET("/api/stream", handler::stream)
        .filter(Problems.filter())
        .build();
  }

  /**
   * {@code GET /api/ws}, the stream over a WebSocket: mapped ahead of the functional routes (none
   * of which answers it), upgraded by the application's WebSocket service.
   */
  @Bean
  HandlerMapping edgeSocketMapping(
      Authenticator edgeAuthenticator,
      StreamOpener edgeStreamOpener,
      ClientSignals edgeClientSignals,
      StreamSettings edgeStreamSettings,
      WebSocketHandlerAdapter webSocketHandlerAdapter,
      ServerCodecConfigurer serverCodecConfigurer) {
    var handshake =
        new SocketHandshake(
            edgeAuthenticator,
            edgeStreamOpener,
            edgeClientSignals,
            edgeStreamSettings.heartbeatInterval(),
            webSocketHandlerAdapter.getWebSocketService(),
            serverCodecConfigurer);
    return new SimpleUrlHandlerMapping(Map.of("/api/ws", handshake), SOCKET_MAPPING_ORDER);
  }
}
