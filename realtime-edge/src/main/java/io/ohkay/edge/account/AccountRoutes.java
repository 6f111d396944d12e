package io.ohkay.edge.account;

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
 * Routes of accounts: {@code GET /api/profiles/me}, {@code GET /api/profiles/{id}} and {@code GET
 * /api/auth/session}. {@code me} is declared first so it is never read as an id.
 */
@Configuration(proxyBeanMethods = false)
public class AccountRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeAccountRoutes(
      Authenticator edgeAuthenticator, Databases edgeDatabases, ReadYourWrites edgeReadYourWrites) {
    var handler = new AccountHandler(edgeAuthenticator, edgeDatabases, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/profiles/me", handler::me)
        .GET("/api/profiles/{id}", handler::profile)
        .GET("/api/auth/session", handler::session)
        .filter(Problems.filter())
        .build();
  }
}
