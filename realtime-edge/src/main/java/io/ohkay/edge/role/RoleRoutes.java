package io.ohkay.edge.role;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of roles: {@code GET /api/servers/{serverId}/roles}. */
@Configuration(proxyBeanMethods = false)
public class RoleRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeRoleRoutes(
      Authenticator edgeAuthenticator,
      ServerDirectory edgeServerDirectory,
      ReadYourWrites edgeReadYourWrites) {
    var handler = new RoleHandler(edgeAuthenticator, edgeServerDirectory, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/servers/{serverId}/roles", handler::list)
        .filter(Problems.filter())
        .build();
  }
}
