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

/** Routes of message history: {@code GET /api/servers/{sid}/channels/{cid}/messages}. */
@Configuration(proxyBeanMethods = false)
public class MessageRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeMessageRoutes(
      Authenticator edgeAuthenticator,
      ServerDirectory edgeServerDirectory,
      ReadYourWrites edgeReadYourWrites) {
    var handler = new MessageHandler(edgeAuthenticator, edgeServerDirectory, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/servers/{serverId}/channels/{channelId}/messages", handler::list)
        .filter(Problems.filter())
        .build();
  }
}
