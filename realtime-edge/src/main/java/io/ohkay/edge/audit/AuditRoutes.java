package io.ohkay.edge.audit;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the audit log: {@code GET /api/servers/{serverId}/audit-log}. */
@Configuration(proxyBeanMethods = false)
public class AuditRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeAuditRoutes(
      Authenticator edgeAuthenticator,
      ServerDirectory edgeServerDirectory,
      ReadYourWrites edgeReadYourWrites) {
    var handler = new AuditHandler(edgeAuthenticator, edgeServerDirectory, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/servers/{serverId}/audit-log", handler::list)
        .filter(Problems.filter())
        .build();
  }
}
