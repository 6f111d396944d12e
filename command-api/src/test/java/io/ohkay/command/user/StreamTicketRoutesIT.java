package io.ohkay.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.DeciderHarness;
import io.ohkay.command.RouteClient;
import io.ohkay.command.decider.DeciderTopics;
import io.ohkay.command.decider.DeciderTopology;
import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.token.RefreshTokens;
import io.ohkay.command.token.StreamTicketIssuer;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.command.NewSession;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.command.StartSession;
import io.ohkay.schemas.command.UserCommand;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.token.SessionRevocations;
import io.ohkay.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/auth/stream-ticket} on the real broker, through the real account decider: the
 * answer's shape, the ticket's claims, and refusals exactly like any write's (no token, a bad one,
 * a ticket instead of a token, a signed-out session).
 */
class StreamTicketRoutesIT {

  private static final Duration TICKET_TTL = Duration.ofSeconds(60);

  private static DeciderHarness decider;
  private static AuthContext context;
  private static AccessTokenIssuer issuer;
  private static AccessTokenVerifier verifier;
  private static WebTestClient client;

  @BeforeAll
  static void start() throws Exception {
    decider =
        DeciderHarness.start(
            "st",
            (builder, prefix) ->
                DeciderTopology.add(
                    builder,
                    DeciderTopics.of(prefix, Topics.AUTH_COMMANDS, Topics.AUTH_EVENTS),
                    List.of(
                        new DeciderTopology.NamedDecider(
                            "registrations", new RegistrationDecider()),
                        new DeciderTopology.NamedDecider("accounts", new AccountDecider()))));
    var dir = decider.dir();
    var key = AccessTokenKeys.loadOrGenerate(dir.resolve("access-token.jwk"));
    issuer = new AccessTokenIssuer(key, Duration.ofMinutes(10), Clock.systemUTC());
    var tickets = new StreamTicketIssuer(key, TICKET_TTL, Clock.systemUTC());
    var refreshTokens = RefreshTokens.loadOrGenerate(dir.resolve("refresh-token.key"));
    var revocations = new SessionRevocations();
    verifier = new AccessTokenVerifier(key.toPublicJWK(), revocations);
    context = context(decider.prefix(), refreshTokens, revocations);
    var routes = new AuthRoutes(context, refreshTokens, tickets, new BearerAuth(verifier)).routes();
    client =
        WebTestClient.bindToRouterFunction(routes)
            .configureClient()
            .responseTimeout(Duration.ofSeconds(40))
            .build();
  }

  /** The account context: the bus, the tokens and the revocations (no database is queried). */
  private static AuthContext context(
      String prefix, RefreshTokens refreshTokens, SessionRevocations revocations) {
    var postgres = SharedInfrastructure.get().postgres();
    var unused = new PGSimpleDataSource();
    unused.setURL(postgres.jdbcUrl("postgres"));
    unused.setUser(postgres.username());
    unused.setPassword(postgres.password());
    var limit = new AuthRateLimits.Limit(100, Duration.ofMinutes(1));
    return new AuthContext(
        decider.bus(),
        Topics.AUTH_COMMANDS.in(prefix),
        new PasswordHasher(),
        new SessionTokens(issuer, refreshTokens),
        new Credentials(unused, unused, new RecentAccounts()),
        new AuthRateLimits(limit, limit, limit),
        revocations,
        Schedulers.immediate(),
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (decider != null) {
      decider.close();
    }
  }

  @Test
  void shouldAnswerATicketOfTheCallersSessionWhenTheAccessTokenIsValid() {
    var user = new UserId(UUID.randomUUID());
    var session = new SessionId(UUID.randomUUID());

    var body = ticket(issuer.issue(user, session).token());

    assertThat(body).containsOnlyKeys("ticket", "expiresIn").containsEntry("expiresIn", 60);
    var claims = verifier.verifyTicket((String) body.get("ticket"));
    assertThat(claims).map(AccessTokenClaims::userId).contains(user);
    assertThat(claims).map(AccessTokenClaims::sessionId).contains(session);
    assertThat(claims).map(c -> Duration.between(c.issuedAt(), c.expiresAt())).contains(TICKET_TTL);
    assertThat(verifier.verify((String) body.get("ticket"))).as("as an access token").isEmpty();
  }

  @Test
  void shouldRefuseWithUnauthenticatedWhenTheAccessTokenIsMissingInvalidOrATicket() {
    var user = new UserId(UUID.randomUUID());
    var ticket =
        (String) ticket(issuer.issue(user, new SessionId(UUID.randomUUID())).token()).get("ticket");

    RouteClient.problem(post(null), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    RouteClient.problem(post("not.a.jwt"), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    RouteClient.problem(post(ticket), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
  }

  @Test
  void shouldRefuseTheSessionsTokenAndTicketsWhenItWasSignedOut() {
    var user = new UserId(UUID.randomUUID());
    var session = new SessionId(UUID.randomUUID());
    accepted(user, new OpenAccount(user, "st-" + user + "@example.com", "hash", "St", null));
    accepted(user, new StartSession(user, new NewSession(session, null, null)));
    var token = issuer.issue(user, session).token();
    var ticket = (String) ticket(token).get("ticket");
    assertThat(verifier.verifyTicket(ticket)).isPresent();

    client
        .post()
        .uri("/api/auth/signout")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNoContent();

    RouteClient.problem(post(token), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    assertThat(verifier.verifyTicket(ticket)).as("a ticket issued before").isEmpty();
  }

  /** The 201 body of a ticket request with {@code token}. */
  private static Map<String, Object> ticket(String token) {
    var body =
        post(token)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectHeader()
            .cacheControl(CacheControl.noStore())
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();
    assertThat(body).isNotNull();
    return body;
  }

  private static WebTestClient.ResponseSpec post(@Nullable String token) {
    var request = client.post().uri("/api/auth/stream-ticket");
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    return request.exchange();
  }

  private static void accepted(UserId user, UserCommand command) {
    var outcome =
        context
            .submit(new CommandId(CommandIds.newId()), user, user.toString(), command)
            .block(Duration.ofSeconds(40));
    assertThat(outcome)
        .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(CommandOutcome.Status.ACCEPTED));
  }
}
