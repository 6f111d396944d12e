package io.ohkay.edge.notification;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of notifications: {@code GET /api/notifications}. */
@Configuration(proxyBeanMethods = false)
public class NotificationRoutes {

  @Bean
  RouterFunction<ServerResponse> edgeNotificationRoutes(
      Authenticator edgeAuthenticator, Databases edgeDatabases, ReadYourWrites edgeReadYourWrites) {
    var handler = new NotificationHandler(edgeAuthenticator, edgeDatabases, edgeReadYourWrites);
    return RouterFunctions.route()
        .GET("/api/notifications", handler::list)
        .filter(Problems.filter())
        .build();
  }
}
