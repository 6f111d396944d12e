package io.ohkay.command.server;

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
import io.ohkay.command.web.CommandIds;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.topic.Topics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/**
 * The role, overwrite, message and server-life routes on the real broker, through the real decider:
 * status codes, bodies and problem codes as clients see them.
 */
class ServerWritesIT {

  private static final UserId OWNER = new UserId(UUID.randomUUID());
  private static final UserId MEMBER = new UserId(UUID.randomUUID());
  private static final UserId STRANGER = new UserId(UUID.randomUUID());
  private static final UserId INVITEE = new UserId(UUID.randomUUID());

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  private static DeciderHarness decider;
  private static ServerCommands commands;
  private static AccessTokenIssuer issuer;
  private static RouteClient client;

  private final Map<String, Map<String, Object>> servers = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    decider =
        DeciderHarness.start(
            "sw",
            (builder, prefix) ->
                DeciderTopology.add(
                    builder,
                    "servers",
                    new ServerDecider(),
                    DeciderTopics.of(prefix, Topics.SERVER_COMMANDS, Topics.SERVER_EVENTS)));
    var prefix = decider.prefix();
    var dir = decider.dir();
    commands =
        new ServerCommands(
            decider.bus(),
            Topics.SERVER_COMMANDS.in(prefix),
            Duration.ofSeconds(30),
            Clock.systemUTC());
    var key = AccessTokenKeys.loadOrGenerate(dir.resolve("access-token.jwk"));
    issuer = new AccessTokenIssuer(key, Duration.ofMinutes(10), Clock.systemUTC());
    var auth = new BearerAuth(new AccessTokenVerifier(key.toPublicJWK()));
    var registry = registry(prefix);
    var placement = new ClusterPlacement(List.of("east", "west"), registry);
    var accounts = TestAccounts.create(prefix).add(OWNER, MEMBER, STRANGER, INVITEE);
    var membership =
        new MembershipRoutes(
            commands,
            auth,
            new InviteDirectory(registry),
            accounts.credentials(new RecentAccounts()));
    client =
        new RouteClient(
            new ServerRoutes(commands, auth, placement)
                .routes()
                .and(new RoleRoutes(commands, auth).routes())
                .and(new OverwriteRoutes(commands, auth).routes())
                .and(new MessageRoutes(commands, auth).routes())
                .and(membership.routes()),
            issuer);
  }

  /** A registry where {@code east} holds one live server and {@code west} only deleted ones. */
  private static DataSource registry(String prefix) throws SQLException {
    var postgres = SharedInfrastructure.get().postgres();
    var database = prefix + "server_registry";
    postgres.createDatabaseIfAbsent(database);
    try (var connection = postgres.connect(database);
        var statement = connection.createStatement()) {
      statement.execute("create table servers(cluster text not null, deleted_at timestamptz)");
      statement.execute(
          "insert into servers values ('east', null), ('west', now()), ('west', now())");
    }
    var registry = new PGSimpleDataSource();
    registry.setURL(postgres.jdbcUrl(database));
    registry.setUser(postgres.username());
    registry.setPassword(postgres.password());
    return registry;
  }

  @AfterAll
  static void stop() {
    if (decider != null) {
      decider.close();
    }
  }

  @Test
  void shouldCreateUpdateAssignAndDeleteRolesWhenTheOwnerManagesThem() {
    var server = createServer();
    join(server, MEMBER);

    var role =
        client
            .call(
                OWNER,
                "POST",
                "/api/servers/" + server + "/roles",
                "{\"name\":\" mods \",\"permissions\":[\"MANAGE_MESSAGES\",\"KICK_MEMBERS\"]}")
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();
    assertThat(role).containsEntry("name", "mods");
    assertThat(role.get("permissions")).isEqualTo(List.of("KICK_MEMBERS", "MANAGE_MESSAGES"));
    var roleId = (String) role.get("id");

    client
        .call(
            OWNER,
            "PATCH",
            "/api/servers/" + server + "/roles/" + roleId,
            "{\"name\":\"moderators\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("moderators")
        .jsonPath("$.permissions.length()")
        .isEqualTo(2);
    var assignment = "/api/servers/" + server + "/members/" + MEMBER + "/roles/" + roleId;
    client.call(MEMBER, "PUT", assignment, null).expectStatus().isForbidden();
    client.call(OWNER, "PUT", assignment, null).expectStatus().isNoContent();
    client.call(OWNER, "DELETE", assignment, null).expectStatus().isNoContent();
    problem(client.call(OWNER, "DELETE", assignment, null), HttpStatus.NOT_FOUND, "ROLE_NOT_FOUND");
    problem(
        client.call(OWNER, "DELETE", "/api/servers/" + server + "/roles/" + server, null),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    client
        .call(OWNER, "DELETE", "/api/servers/" + server + "/roles/" + roleId, null)
        .expectStatus()
        .isNoContent();
  }

  @Test
  void shouldRefuseBadRoleAndOverwriteRequestsBeforeTheyAreDecided() {
    var server = createServer();
    var roles = "/api/servers/" + server + "/roles";
    problem(
        client.call(OWNER, "POST", roles, "{\"name\":\"x\",\"permissions\":[\"FLY\"]}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "POST", roles, "{\"name\":\"\",\"permissions\":[]}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "POST", roles, "{\"name\":\"" + "r".repeat(101) + "\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "POST", roles, "{\"name\":"), HttpStatus.BAD_REQUEST, "MALFORMED_JSON");
    problem(client.call(OWNER, "POST", roles, ""), HttpStatus.BAD_REQUEST, "MALFORMED_JSON");
    problem(
        client.call(OWNER, "PATCH", roles + "/not-a-role", "{\"name\":\"x\"}"),
        HttpStatus.BAD_REQUEST,
        "INVALID_ID");
    problem(
        client.call(OWNER, "PATCH", roles + "/" + UUID.randomUUID(), "{}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    var overwrite =
        "/api/servers/" + server + "/channels/" + UUID.randomUUID() + "/overwrites/" + server;
    problem(
        client.call(OWNER, "PUT", overwrite, "{\"type\":\"GROUP\",\"allow\":[],\"deny\":[]}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "PUT", overwrite, "{\"type\":\"ROLE\",\"allow\":[\"NOPE\"]}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "PUT", overwrite, "{\"type\":\"ROLE\",\"allow\":[]}"),
        HttpStatus.NOT_FOUND,
        "CHANNEL_NOT_FOUND");
    problem(
        client.call(STRANGER, "PATCH", "/api/servers/" + server, "{\"name\":\"mine\"}"),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");
  }

  @Test
  void shouldEditDeleteAndReadMessagesWhenTheChannelAllowsIt() {
    var server = createServer();
    var general = generalOf(server);
    join(server, MEMBER);
    var messages = "/api/servers/" + server + "/channels/" + general + "/messages";
    var posted =
        client
            .call(MEMBER, "POST", messages, "{\"content\":\"helo\"}")
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();
    var message = messages + "/" + posted.get("id");

    problem(
        client.call(OWNER, "PATCH", message, "{\"content\":\"hijack\"}"),
        HttpStatus.FORBIDDEN,
        "MISSING_PERMISSION");
    client
        .call(MEMBER, "PATCH", message, "{\"content\":\"hello\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(posted.get("id"))
        .jsonPath("$.authorId")
        .isEqualTo(MEMBER.toString())
        .jsonPath("$.content")
        .isEqualTo("hello")
        .jsonPath("$.editedAt")
        .exists();
    var overwrite =
        "/api/servers/" + server + "/channels/" + general + "/overwrites/" + MEMBER.value();
    client
        .call(OWNER, "PUT", overwrite, "{\"type\":\"MEMBER\",\"deny\":[\"SEND_MESSAGES\"]}")
        .expectStatus()
        .isNoContent();
    problem(
        client.call(MEMBER, "POST", messages, "{\"content\":\"muted?\"}"),
        HttpStatus.FORBIDDEN,
        "MISSING_PERMISSION");
    client.call(OWNER, "DELETE", overwrite, null).expectStatus().isNoContent();
    client
        .call(MEMBER, "PUT", "/api/servers/" + server + "/channels/" + general + "/read", null)
        .expectStatus()
        .isNoContent();
    client.call(OWNER, "DELETE", message, null).expectStatus().isNoContent();
    problem(
        client.call(MEMBER, "PATCH", message, "{\"content\":\"gone\"}"),
        HttpStatus.NOT_FOUND,
        "MESSAGE_NOT_FOUND");
  }

  @Test
  void shouldUpdateThenDeleteTheServerAndRefuseItAfterwards() {
    var server = createServer();
    join(server, MEMBER);
    client
        .call(
            OWNER,
            "PATCH",
            "/api/servers/" + server,
            "{\"name\":\"Renamed\",\"description\":\"Hi\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Renamed")
        .jsonPath("$.description")
        .isEqualTo("Hi");
    problem(
        client.call(MEMBER, "PATCH", "/api/servers/" + server, "{\"description\":\"\"}"),
        HttpStatus.FORBIDDEN,
        "MISSING_PERMISSION");
    problem(
        client.call(MEMBER, "DELETE", "/api/servers/" + server, null),
        HttpStatus.FORBIDDEN,
        "MISSING_PERMISSION");

    client.call(OWNER, "DELETE", "/api/servers/" + server, null).expectStatus().isNoContent();

    problem(
        client.call(OWNER, "PATCH", "/api/servers/" + server, "{\"name\":\"Back\"}"),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");
  }

  @Test
  void shouldSendTheInviteToItsInviteeWhenOneIsNamed() {
    var server = createServer();
    var invites = "/api/servers/" + server + "/invites";

    var invite =
        client
            .call(OWNER, "POST", invites, "{\"inviteeId\":\"" + INVITEE + "\"}")
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();
    client
        .call(OWNER, "POST", invites, "{\"maxUses\":3}")
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.inviteeId")
        .doesNotExist();

    assertThat(invite).containsEntry("inviteeId", INVITEE.toString());
    var code = (String) invite.get("code");
    assertThat(
            decider.committed(Topics.SERVER_EVENTS).stream()
                .map(Event::payload)
                .filter(p -> p instanceof InviteCreated || p instanceof InviteSent))
        .contains(new InviteSent(ServerId.parse(server), code, OWNER, INVITEE))
        .filteredOn(p -> p instanceof InviteCreated created && created.code().equals(code))
        .hasSize(1);
  }

  @Test
  void shouldRefuseAnInviteeWhenTheyAreMalformedUnknownOrTheCaller() {
    var server = createServer();
    var invites = "/api/servers/" + server + "/invites";
    problem(
        client.call(OWNER, "POST", invites, "{\"inviteeId\":\"nope\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "POST", invites, "{\"inviteeId\":\"" + OWNER + "\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    problem(
        client.call(OWNER, "POST", invites, "{\"inviteeId\":\"" + UUID.randomUUID() + "\"}"),
        HttpStatus.NOT_FOUND,
        "ACCOUNT_NOT_FOUND");
    problem(
        client.call(STRANGER, "POST", invites, "{\"inviteeId\":\"" + INVITEE + "\"}"),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");

    assertThat(
            decider.committed(Topics.SERVER_COMMANDS).stream()
                .filter(
                    c ->
                        c.payload() instanceof CreateInvite invite
                            && invite.serverId().equals(ServerId.parse(server))))
        .as("only the stranger's invite reached the decider, which alone refuses it")
        .singleElement()
        .extracting(Command::actorId)
        .isEqualTo(STRANGER);
  }

  private String createServer() {
    var created =
        client
            .call(OWNER, "POST", "/api/servers", "{\"name\":\"Test server\"}")
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();
    assertThat(created.get("cluster")).as("the emptier cluster").isEqualTo("west");
    servers.put((String) created.get("id"), created);
    return (String) created.get("id");
  }

  private String generalOf(String server) {
    var channels = (List<?>) servers.get(server).get("channels");
    assertThat(channels).isNotEmpty();
    return (String) ((Map<?, ?>) channels.getFirst()).get("id");
  }

  /** {@code user} joins through an invite the owner creates (no registry here to look it up). */
  private void join(String server, UserId user) {
    var id = ServerId.parse(server);
    var code = "It" + UUID.randomUUID().toString().substring(0, 8);
    decided(OWNER, new CreateInvite(id, code, null, null));
    decided(user, new AcceptInvite(id, code));
  }

  private void decided(UserId actor, ServerCommand command) {
    var outcome =
        commands
            .submit(new CommandId(CommandIds.newId()), actor, command)
            .block(Duration.ofSeconds(40));
    assertThat(outcome).isPresent();
    assertThat(outcome.get().status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
  }
}
