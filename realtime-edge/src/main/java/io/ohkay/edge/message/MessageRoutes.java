package io.ohkay.edge.message;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of messages: the history {@code GET /api/servers/{sid}/channels/{cid}/messages} and the
 * search {@code GET /api/servers/{sid}/messages/search}.
 */
@Configuration(proxyBeanMethods = false)
public class MessageRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeMessageRoutes(
      Authenticator edgeAuthenticator,
      ServerDirectory edgeServerDirectory,
      ReadYourWrites edgeReadYourWrites) {
    var handler = new MessageHandler(edgeAuthenticator, edgeServerDirectory, edgeReadYourWrites);
    var search = new SearchHandler(edgeAuthenticator, edgeServerDirectory, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/servers/{serverId}/channels/{channelId}/messages", handler::list)
        .GET("/api/servers/{serverId}/messages/search", search::search)
        .filter(Problems.filter())
        .build();
  }
}
