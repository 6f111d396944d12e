package io.ohkay.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.command.DeciderHarness;
import io.ohkay.command.decider.DeciderTopics;
import io.ohkay.command.decider.DeciderTopology;
import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.token.RefreshTokens;
import io.ohkay.command.token.StreamTicketIssuer;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.token.SessionRevocations;
import io.ohkay.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.scheduler.Schedulers;

/**
 * The notification read-marker routes on the real broker, through the real account decider: status
 * codes, position headers, the facts decided and problem codes as clients see them.
 */
class NotificationRoutesIT {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId NOBODY = new UserId(UUID.randomUUID());

  private static DeciderHarness decider;
  private static AuthContext context;
  private static AccessTokenIssuer issuer;
  private static WebTestClient client;

  /** Every outcome seen, by position, to find the facts behind a position header. */
  private static final Map<String, CommandOutcome> byPosition = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    decider =
        DeciderHarness.start(
            "nr",
            (builder, prefix) ->
                DeciderTopology.add(
                    builder,
                    DeciderTopics.of(prefix, Topics.AUTH_COMMANDS, Topics.AUTH_EVENTS),
                    List.of(
                        new DeciderTopology.NamedDecider(
                            "registrations", new RegistrationDecider()),
                        new DeciderTopology.NamedDecider("accounts", new AccountDecider()))));
    decider
        .outcomes()
        .observe(
            outcome -> {
              if (outcome.status() == CommandOutcome.Status.ACCEPTED) {
                byPosition.put(outcome.position(), outcome);
              }
            });
    var prefix = decider.prefix();
    var dir = decider.dir();
    var key = AccessTokenKeys.loadOrGenerate(dir.resolve("access-token.jwk"));
    issuer = new AccessTokenIssuer(key, Duration.ofMinutes(10), Clock.systemUTC());
    var refreshTokens = RefreshTokens.loadOrGenerate(dir.resolve("refresh-token.key"));
    var bearer = new BearerAuth(new AccessTokenVerifier(key.toPublicJWK()));
    var tickets = new StreamTicketIssuer(key, Duration.ofSeconds(60), Clock.systemUTC());
    context = context(prefix, refreshTokens);
    client =
        WebTestClient.bindToRouterFunction(
                new AuthRoutes(context, refreshTokens, tickets, bearer).routes())
            .configureClient()
            .responseTimeout(Duration.ofSeconds(40))
            .build();
    var opened =
        context
            .submit(
                new CommandId(CommandIds.newId()),
                null,
                ALICE.toString(),
                new OpenAccount(ALICE, "alice-" + prefix + "@example.com", "hash", "Alice", null))
            .block(Duration.ofSeconds(40));
    assertThat(opened)
        .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(CommandOutcome.Status.ACCEPTED));
  }

  /**
   * What the notification routes use of the account context: the bus and the clock. The databases
   * are never queried by them (no caught-up wait, no credentials), so nothing is created there.
   */
  private static AuthContext context(String prefix, RefreshTokens refreshTokens) {
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
        new SessionRevocations(),
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
  void shouldMarkOneNotificationThenAllReadWhenTheCallerHasAnAccount() {
    var notification = UUID.randomUUID();

    var one = put(ALICE, "/api/notifications/" + notification + "/read");
    var all = put(ALICE, "/api/notifications/read-all");

    assertThat(one).startsWith(ALICE + ":");
    assertThat(all).startsWith(ALICE + ":");
    assertThat(seq(all)).isGreaterThan(seq(one));
    assertThat(facts(one)).containsExactly(new NotificationsRead(ALICE, notification));
    assertThat(facts(all)).containsExactly(new NotificationsRead(ALICE, null));
  }

  @Test
  void shouldRefuseWithAccountNotFoundWhenTheCallerHasNoAccount() {
    problem(
        call(NOBODY, "/api/notifications/" + UUID.randomUUID() + "/read"),
        HttpStatus.NOT_FOUND,
        "ACCOUNT_NOT_FOUND");
    problem(call(NOBODY, "/api/notifications/read-all"), HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND");
  }

  @Test
  void shouldRefuseBeforeAnythingIsDecidedWhenIdsAreBadOrTokensMissing() {
    problem(call(ALICE, "/api/notifications/not-an-id/read"), HttpStatus.BAD_REQUEST, "INVALID_ID");
    problem(call(ALICE, "/api/notifications/1-1-1-1-1/read"), HttpStatus.BAD_REQUEST, "INVALID_ID");
    problem(
        call(null, "/api/notifications/" + UUID.randomUUID() + "/read"),
        HttpStatus.UNAUTHORIZED,
        "UNAUTHENTICATED");
    problem(call(null, "/api/notifications/read-all"), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
  }

  /** PUTs {@code path} as {@code caller}, expects 204 and returns its position header. */
  private static String put(UserId caller, String path) {
    var position =
        call(caller, path)
            .expectStatus()
            .isNoContent()
            .expectBody()
            .isEmpty()
            .getResponseHeaders()
            .getFirst(CommandReplies.POSITION_HEADER);
    assertThat(position).isNotNull();
    return position;
  }

  private static long seq(String position) {
    return Long.parseLong(position.substring(position.lastIndexOf(':') + 1));
  }

  /** The facts decided by the outcome at {@code position}. */
  private static List<EventPayload> facts(String position) {
    await().atMost(Duration.ofSeconds(10)).until(() -> byPosition.containsKey(position));
    return byPosition.get(position).events().stream().map(Event::payload).toList();
  }

  private static WebTestClient.ResponseSpec call(@Nullable UserId caller, String path) {
    var request = client.put().uri(path);
    if (caller != null) {
      var token = issuer.issue(caller, new SessionId(UUID.randomUUID())).token();
      request = request.header("Authorization", "Bearer " + token);
    }
    return request.exchange();
  }

  private static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code);
  }
}
