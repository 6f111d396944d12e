package io.ohkay.edge.dm;

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
 * Routes of direct messages: {@code GET /api/dms}, {@code GET /api/dms/{conversationId}/messages}
 * and {@code GET /api/blocks}.
 */
@Configuration(proxyBeanMethods = false)
public class DmRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeDmRoutes(
      Authenticator edgeAuthenticator, Databases edgeDatabases, ReadYourWrites edgeReadYourWrites) {
    var handler = new DmHandler(edgeAuthenticator, edgeDatabases, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/dms", handler::conversations)
        .GET("/api/dms/{conversationId}/messages", handler::messages)
        .GET("/api/blocks", handler::blocks)
        .filter(Problems.filter())
        .build();
  }
}
