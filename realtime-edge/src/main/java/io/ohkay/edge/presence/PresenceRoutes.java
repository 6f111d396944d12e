package io.ohkay.edge.presence;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.kafka.SignalProducer;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of presence and typing: {@code PUT}/{@code GET /api/presence}, {@code POST
 * /api/servers/{serverId}/channels/{channelId}/typing} and {@code POST
 * /api/dms/{conversationId}/typing}.
 */
@Configuration(proxyBeanMethods = false)
public class PresenceRoutes {

  /** The least time between two typing signals of one user in one place. */
  static final Duration TYPING_WINDOW = Duration.ofSeconds(3);

  @Bean
  PresenceQueries edgePresenceQueries(Databases edgeDatabases) {
    return new PresenceQueries(edgeDatabases);
  }

  /** Typing and idle signals, shared by these routes and the WebSocket (one limiter for both). */
  @Bean
  ClientSignals edgeClientSignals(
      ServerDirectory edgeServerDirectory,
      PresenceQueries edgePresenceQueries,
      PresencePublisher edgePresence,
      SignalProducer edgeSignalProducer) {
    return new ClientSignals(
        edgeServerDirectory,
        edgePresenceQueries,
        new TypingLimiter(TYPING_WINDOW, System::nanoTime),
        signal -> edgeSignalProducer.send(signal.key(), signal),
        Clock.systemUTC(),
        edgePresence);
  }

  @Bean
  RouterFunction<ServerResponse> edgePresenceRoutes(
      Authenticator edgeAuthenticator,
      PresenceQueries edgePresenceQueries,
      ReadYourWrites edgeReadYourWrites,
      PresenceBoard edgePresenceBoard,
      ClientSignals edgeClientSignals) {
    var presence =
        new PresenceHandler(
            edgeAuthenticator, edgePresenceQueries, edgePresenceBoard, edgeClientSignals);
    var typing = new TypingHandler(edgeAuthenticator, edgeReadYourWrites, edgeClientSignals);
    return RouterFunctions.route()
        .PUT("/api/presence", presence::set)
        .GET("/api/presence", presence::query)
        .POST("/api/servers/{serverId}/channels/{channelId}/typing", typing::inChannel)
        .POST("/api/dms/{conversationId}/typing", typing::inConversation)
        .filter(Problems.filter())
        .build();
  }
}
