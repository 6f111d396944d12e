package io.ohkay.edge.server;

import io.ohkay.edge.access.AccessReader;
import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of the server directory: {@code GET /api/servers}, {@code GET /api/servers/{serverId}},
 * {@code GET /api/servers/{serverId}/members}, {@code GET /api/servers/{serverId}/stats}.
 */
@Configuration(proxyBeanMethods = false)
public class ServerRoutes {

  @Bean
  ServerDirectory edgeServerDirectory(Databases edgeDatabases, AccessReader edgeAccessReader) {
    return new ServerDirectory(edgeDatabases, edgeAccessReader);
  }

  @Bean
  RouterFunction<ServerResponse> edgeServerRoutes(
      Authenticator edgeAuthenticator,
      ServerDirectory edgeServerDirectory,
      Databases edgeDatabases,
      ReadYourWrites edgeReadYourWrites) {
    var handler =
        new ServerHandler(
            edgeAuthenticator, edgeServerDirectory, edgeDatabases, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/servers", handler::list)
        .GET("/api/servers/{serverId}", handler::get)
        .GET("/api/servers/{serverId}/members", handler::members)
        .GET("/api/servers/{serverId}/stats", handler::stats)
        .filter(Problems.filter())
        .build();
  }
}
