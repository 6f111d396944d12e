package io.ohkay.command.dm;

import static io.ohkay.command.RouteClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.DeciderHarness;
import io.ohkay.command.RouteClient;
import io.ohkay.command.TestAccounts;
import io.ohkay.command.decider.DeciderTopics;
import io.ohkay.command.decider.DeciderTopology;
import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.user.RecentAccounts;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.command.BlockUser;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.topic.Topics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/**
 * The DM and block routes on the real broker, through the real conversation decider: status codes,
 * bodies, positions and problem codes as clients see them, and the facts decided.
 */
class DmWritesIT {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  private static DeciderHarness decider;
  private static TestAccounts accounts;
  private static RecentAccounts recent;
  private static PresenceView presence;
  private static RouteClient client;

  @BeforeAll
  static void start() throws Exception {
    decider =
        DeciderHarness.start(
            "dm",
            (builder, prefix) ->
                DeciderTopology.add(
                    builder,
                    "dms",
                    new DmDecider(),
                    DeciderTopics.of(prefix, Topics.DM_COMMANDS, Topics.DM_EVENTS)));
    var prefix = decider.prefix();
    var key = AccessTokenKeys.loadOrGenerate(decider.dir().resolve("access-token.jwk"));
    var issuer = new AccessTokenIssuer(key, Duration.ofMinutes(10), Clock.systemUTC());
    var auth = new BearerAuth(new AccessTokenVerifier(key.toPublicJWK()));
    accounts = TestAccounts.create(prefix);
    recent = new RecentAccounts();
    decider.outcomes().observe(recent::accept);
    var pairs = new ConversationPairs(absentDmsDatabase(prefix));
    decider.outcomes().observe(pairs::accept);
    presence = new PresenceView(Duration.ofSeconds(15), Clock.systemUTC());
    var commands =
        new DmCommands(
            decider.bus(),
            Topics.DM_COMMANDS.in(prefix),
            Duration.ofSeconds(30),
            Clock.systemUTC());
    var credentials = accounts.credentials(recent);
    client =
        new RouteClient(
            new DmRoutes(commands, auth, credentials, pairs, presence)
                .routes()
                .and(new BlockRoutes(commands, auth, credentials).routes()),
            issuer);
  }

  /** The projector has not created {@code <prefix>dms}: pairs come from outcomes only. */
  private static PGSimpleDataSource absentDmsDatabase(String prefix) {
    var postgres = SharedInfrastructure.get().postgres();
    var source = new PGSimpleDataSource();
    source.setURL(postgres.jdbcUrl(prefix + "dms"));
    source.setUser(postgres.username());
    source.setPassword(postgres.password());
    return source;
  }

  @AfterAll
  static void stop() {
    if (decider != null) {
      decider.close();
    }
  }

  @Test
  void shouldOpenOnceAndAcceptEveryCallWhenFiftyOpensFromBothSidesRace() throws Exception {
    var one = user();
    var other = user();
    var conversation = ConversationId.between(one, other);

    List<HttpStatus> statuses;
    try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures =
          IntStream.range(0, 50)
              .mapToObj(
                  i ->
                      calls.submit(
                          () ->
                              i % 2 == 0
                                  ? open(one, other, conversation)
                                  : open(other, one, conversation)))
              .toList();
      statuses = futures.stream().map(DmWritesIT::join).toList();
    }

    assertThat(statuses).hasSize(50).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
    assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
    assertThat(facts(conversation)).filteredOn(ConversationOpened.class::isInstance).hasSize(1);
  }

  @Test
  void shouldAnswerWithTheirStatusesAndPositionsWhenOpeningSendingDeletingAndReading() {
    var alice = user();
    var bob = user();
    var eve = user();
    var conversation = ConversationId.between(alice, bob);
    var dm = "/api/dms/" + conversation;

    client
        .call(alice, "POST", "/api/dms/" + bob, null)
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals(CommandReplies.POSITION_HEADER, conversation + ":1")
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(conversation.toString())
        .jsonPath("$.recipientId")
        .isEqualTo(bob.toString());
    client
        .call(bob, "POST", "/api/dms/" + alice, null)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(CommandReplies.POSITION_HEADER, conversation + ":1")
        .expectBody()
        .jsonPath("$.recipientId")
        .isEqualTo(alice.toString());
    var sent = send(alice, conversation, "  hello bob  ");
    var message = dm + "/messages/" + sent.get("id");

    assertThat(sent)
        .containsEntry("conversationId", conversation.toString())
        .containsEntry("authorId", alice.toString())
        .containsEntry("content", "hello bob")
        .containsEntry("seq", 2)
        .containsKey("createdAt");
    problem(
        client.call(eve, "POST", dm + "/messages", "{\"content\":\"hi\"}"),
        HttpStatus.NOT_FOUND,
        "CONVERSATION_NOT_FOUND");
    problem(client.call(bob, "DELETE", message, null), HttpStatus.FORBIDDEN, "NOT_MESSAGE_AUTHOR");
    problem(
        client.call(eve, "DELETE", message, null), HttpStatus.NOT_FOUND, "CONVERSATION_NOT_FOUND");
    client.call(alice, "DELETE", message, null).expectStatus().isNoContent();
    problem(client.call(alice, "DELETE", message, null), HttpStatus.NOT_FOUND, "MESSAGE_NOT_FOUND");
    client
        .call(bob, "PUT", dm + "/read", null)
        .expectStatus()
        .isNoContent()
        .expectHeader()
        .valueEquals(CommandReplies.POSITION_HEADER, conversation + ":4");
    problem(
        client.call(eve, "PUT", dm + "/read", null),
        HttpStatus.NOT_FOUND,
        "CONVERSATION_NOT_FOUND");
    problem(
        client.call(alice, "PUT", "/api/dms/" + ConversationId.between(alice, eve) + "/read", null),
        HttpStatus.NOT_FOUND,
        "CONVERSATION_NOT_FOUND");
  }

  @Test
  void shouldRefuseTheVeryNextSendAndLetOnlyTheBlockerLiftItWhenOneSideBlocks() {
    var alice = user();
    var bob = user();
    var conversation = ConversationId.between(alice, bob);
    var dm = "/api/dms/" + conversation;
    client.call(alice, "POST", "/api/dms/" + bob, null).expectStatus().isCreated();
    send(bob, conversation, "before");

    client.call(alice, "PUT", "/api/blocks/" + bob, null).expectStatus().isNoContent();

    problem(
        client.call(bob, "POST", dm + "/messages", "{\"content\":\"after\"}"),
        HttpStatus.FORBIDDEN,
        "CANNOT_SEND");
    problem(
        client.call(alice, "POST", dm + "/messages", "{\"content\":\"mine\"}"),
        HttpStatus.FORBIDDEN,
        "CANNOT_SEND");
    problem(
        client.call(bob, "POST", "/api/dms/" + alice, null), HttpStatus.FORBIDDEN, "CANNOT_SEND");
    client.call(bob, "PUT", dm + "/read", null).expectStatus().isNoContent();
    client.call(alice, "PUT", "/api/blocks/" + bob, null).expectStatus().isNoContent();
    client.call(bob, "DELETE", "/api/blocks/" + alice, null).expectStatus().isNoContent();
    problem(
        client.call(bob, "POST", dm + "/messages", "{\"content\":\"still?\"}"),
        HttpStatus.FORBIDDEN,
        "CANNOT_SEND");
    client.call(alice, "DELETE", "/api/blocks/" + bob, null).expectStatus().isNoContent();
    send(bob, conversation, "free again");

    assertThat(facts(conversation)).filteredOn(UserBlocked.class::isInstance).hasSize(1);
  }

  /**
   * Bug: the command id ignored the method, so the DELETE answered as the PUT and lifted nothing.
   */
  @Test
  void shouldLiftTheBlockWhenTheDeleteReusesTheIdempotencyKeyOfThePut() {
    var alice = user();
    var bob = user();
    var conversation = ConversationId.between(alice, bob);
    var block = "/api/blocks/" + bob;

    client.call(alice, "PUT", block, null, "same-key").expectStatus().isNoContent();
    client.call(alice, "PUT", block, null, "same-key").expectStatus().isNoContent();
    client.call(alice, "DELETE", block, null, "same-key").expectStatus().isNoContent();
    client.call(alice, "DELETE", block, null, "same-key").expectStatus().isNoContent();

    assertThat(facts(conversation))
        .extracting(fact -> fact.getClass().getSimpleName())
        .containsExactly("UserBlocked", "UserUnblocked");
    client.call(bob, "POST", "/api/dms/" + alice, null).expectStatus().isCreated();
  }

  @Test
  void shouldRefuseToOpenWhenABlockPrecedesTheConversation() {
    var carol = user();
    var dave = user();

    client
        .call(carol, "PUT", "/api/blocks/" + dave, null)
        .expectStatus()
        .isNoContent()
        .expectHeader()
        .valueEquals(CommandReplies.POSITION_HEADER, ConversationId.between(carol, dave) + ":1");

    problem(
        client.call(dave, "POST", "/api/dms/" + carol, null), HttpStatus.FORBIDDEN, "CANNOT_SEND");
    client
        .call(dave, "DELETE", "/api/blocks/" + user(), null)
        .expectStatus()
        .isNoContent()
        .expectHeader()
        .doesNotExist(CommandReplies.POSITION_HEADER);
  }

  @Test
  void shouldNotifyTheRecipientOnlyWhenTheyHaveNoLiveStream() {
    var alice = user();
    var bob = user();
    var conversation = ConversationId.between(alice, bob);
    client.call(alice, "POST", "/api/dms/" + bob, null).expectStatus().isCreated();
    presence.accept(new Presence(bob, "edge-1", true, Instant.now()));

    var toOnline = send(alice, conversation, "you are here");
    var toOffline = send(bob, conversation, "you are not");

    assertThat(recipientOffline(conversation, toOnline)).isFalse();
    assertThat(recipientOffline(conversation, toOffline)).isTrue();
  }

  @Test
  void shouldOpenWhenTheRecipientsRegistrationIsNotProjectedYet() {
    var alice = user();
    var newcomer = new UserId(UUID.randomUUID());
    recent.accept(registered(newcomer));

    client.call(alice, "POST", "/api/dms/" + newcomer, null).expectStatus().isCreated();
  }

  @Test
  void shouldRefuseBadInputAndSendNothingWhenTheRequestIsWrong() throws Exception {
    var mallory = user();
    var alice = user();
    var gone = user();
    accounts.delete(gone);
    var unknown = new UserId(UUID.randomUUID());
    var dm = "/api/dms/" + ConversationId.between(mallory, alice);

    problem(
        client.call(mallory, "POST", "/api/dms/nope", null), HttpStatus.BAD_REQUEST, "INVALID_ID");
    problem(
        client.call(mallory, "POST", "/api/dms/" + mallory, null),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(mallory, "POST", "/api/dms/" + unknown, null),
        HttpStatus.NOT_FOUND,
        "ACCOUNT_NOT_FOUND");
    problem(
        client.call(mallory, "POST", "/api/dms/" + gone, null),
        HttpStatus.NOT_FOUND,
        "ACCOUNT_NOT_FOUND");
    problem(
        client.call(mallory, "POST", "/api/dms/x/messages", "{\"content\":\"hi\"}"),
        HttpStatus.BAD_REQUEST,
        "INVALID_ID");
    problem(
        client.call(mallory, "POST", dm + "/messages", "{\"content\":\"   \"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(mallory, "POST", dm + "/messages", "{}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(mallory, "POST", dm + "/messages", "{\"content\":\"\\u0000\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(mallory, "POST", dm + "/messages", "{\"content\":\"ring \\u0007\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(
            mallory, "POST", dm + "/messages", "{\"content\":\"" + "x".repeat(4001) + "\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(
            mallory, "POST", dm + "/messages", "{\"content\":\"" + "x".repeat(70_000) + "\"}"),
        HttpStatus.CONTENT_TOO_LARGE,
        "PAYLOAD_TOO_LARGE");
    problem(
        client.call(mallory, "POST", dm + "/messages", "{\"content\":"),
        HttpStatus.BAD_REQUEST,
        "MALFORMED_JSON");
    problem(
        client.call(mallory, "DELETE", dm + "/messages/1-1-1-1-1", null),
        HttpStatus.BAD_REQUEST,
        "INVALID_ID");
    problem(
        client.call(mallory, "PUT", "/api/blocks/" + mallory, null),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(mallory, "PUT", "/api/blocks/" + unknown, null),
        HttpStatus.NOT_FOUND,
        "ACCOUNT_NOT_FOUND");
    problem(
        client.call(mallory, "DELETE", "/api/blocks/" + gone, null),
        HttpStatus.NOT_FOUND,
        "ACCOUNT_NOT_FOUND");
    problem(
        client.anonymous("POST", "/api/dms/" + alice), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    problem(client.anonymous("PUT", dm + "/read"), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    client.call(mallory, "PUT", "/api/blocks/" + alice, null).expectStatus().isNoContent();

    assertThat(decider.committed(Topics.DM_COMMANDS))
        .filteredOn(command -> mallory.equals(command.actorId()))
        .as("only the last, valid request was sent")
        .extracting(Command::payload)
        .singleElement()
        .isInstanceOf(BlockUser.class);
  }

  /** A new live account. */
  private static UserId user() {
    var user = new UserId(UUID.randomUUID());
    try {
      accounts.add(user);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return user;
  }

  private static HttpStatus open(UserId caller, UserId recipient, ConversationId expected) {
    var result =
        client
            .call(caller, "POST", "/api/dms/" + recipient, null)
            .expectBody(JSON_OBJECT)
            .returnResult();
    assertThat(result.getResponseBody()).containsEntry("id", expected.toString());
    return HttpStatus.valueOf(result.getStatus().value());
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> send(
      UserId author, ConversationId conversation, String content) {
    return client
        .call(
            author,
            "POST",
            "/api/dms/" + conversation + "/messages",
            "{\"content\":\"" + content + "\"}")
        .expectStatus()
        .isCreated()
        .expectHeader()
        .exists(CommandReplies.POSITION_HEADER)
        .expectBody(JSON_OBJECT)
        .returnResult()
        .getResponseBody();
  }

  /** The facts of {@code conversation} committed so far. */
  private static List<EventPayload> facts(ConversationId conversation) {
    return decider.committed(Topics.DM_EVENTS).stream()
        .filter(event -> event.aggregateId().equals(conversation.value()))
        .map(Event::payload)
        .toList();
  }

  private static boolean recipientOffline(ConversationId conversation, Map<String, Object> sent) {
    var id = MessageId.parse((String) sent.get("id"));
    return facts(conversation).stream()
        .filter(DirectMessageSent.class::isInstance)
        .map(DirectMessageSent.class::cast)
        .filter(message -> message.messageId().equals(id))
        .findFirst()
        .orElseThrow()
        .recipientOffline();
  }

  private static CommandOutcome registered(UserId user) {
    var command = new CommandId(UUID.randomUUID());
    var now = Instant.now();
    var payload = new UserRegistered(user, user + "@example.com", "hash", "Newcomer");
    var event = Event.decided(command, 0, user.value(), 1, now, null, payload);
    return CommandOutcome.accepted(command, user.toString(), 1, List.of(event), now);
  }
}
