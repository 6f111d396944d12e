package io.ohkay.command.user;

import io.ohkay.command.token.RefreshTokens;
import io.ohkay.command.token.StreamTicketIssuer;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.Problems;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The account write routes: sign-up, sign-in, refresh, sign-out, stream tickets, profile update,
 * account deletion and notification read markers. Reads ({@code GET /api/auth/session}, {@code GET
 * /api/profiles/...}, {@code GET /api/notifications}) are the edge's.
 */
public final class AuthRoutes {

  private final SignupHandler signup;
  private final SigninHandler signin;
  private final SessionHandler sessions;
  private final StreamTicketHandler streamTickets;
  private final ProfileHandler profiles;
  private final NotificationHandler notifications;

  public AuthRoutes(
      AuthContext context,
      RefreshTokens refreshTokens,
      StreamTicketIssuer streamTickets,
      BearerAuth bearer) {
    this.signup = new SignupHandler(context);
    this.signin = new SigninHandler(context);
    this.sessions = new SessionHandler(context, refreshTokens, bearer);
    this.streamTickets = new StreamTicketHandler(bearer, streamTickets);
    this.profiles = new ProfileHandler(context, bearer);
    this.notifications = new NotificationHandler(context, bearer);
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/auth/signup", signup::signup)
        .POST("/api/auth/signin", signin::signin)
        .POST("/api/auth/refresh", sessions::refresh)
        .POST("/api/auth/signout", sessions::signout)
        .POST("/api/auth/stream-ticket", streamTickets::issue)
        .PUT("/api/profiles/me", profiles::update)
        .DELETE("/api/profiles/me", profiles::delete)
        .PUT("/api/notifications/read-all", notifications::readAll)
        .PUT("/api/notifications/{notificationId}/read", notifications::read)
        .filter(Problems.filter())
        .build();
  }
}
