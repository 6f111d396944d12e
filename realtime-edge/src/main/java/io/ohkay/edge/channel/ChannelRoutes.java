package io.ohkay.edge.channel;

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
 * Routes of channels: {@code GET /api/servers/{serverId}/channels}, {@code GET
 * /api/servers/{serverId}/channels/{channelId}/overwrites}.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeChannelRoutes(
      Authenticator edgeAuthenticator,
      ServerDirectory edgeServerDirectory,
      ReadYourWrites edgeReadYourWrites) {
    var handler = new ChannelHandler(edgeAuthenticator, edgeServerDirectory, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/servers/{serverId}/channels", handler::list)
        .GET("/api/servers/{serverId}/channels/{channelId}/overwrites", handler::overwrites)
        .filter(Problems.filter())
        .build();
  }
}
