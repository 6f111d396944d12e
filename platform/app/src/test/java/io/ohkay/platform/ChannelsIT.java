package io.ohkay.platform;

import static io.ohkay.platform.Api.assertProblem;
import static io.ohkay.platform.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.RebuildKind;
import io.ohkay.projector.rebuild.RebuildRequest;
import io.ohkay.projector.rebuild.Rebuilder;
import io.ohkay.schemas.id.ServerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Channels created, renamed, moved and deleted (with their messages), end to end. */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelsIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("chn");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired Rebuilder rebuilder;
  @Autowired DatabaseVerifier verifier;

  private Api api;
  private Accounts accounts;

  @BeforeEach
  void client() {
    var http = LiveStreams.http(port);
    api = new Api(http);
    accounts = new Accounts(http);
  }

  @Test
  void shouldKeepPositionsDenseAndDeleteMessagesWithTheirChannelWhenChannelsChange()
      throws Exception {
    var owner = user("owner");
    var member = user("member");
    var server = api.createServer(owner, "Channels");
    var code =
        json(write(owner, "POST", "/api/servers/" + server.id() + "/invites", Map.of())
                .expectStatus()
                .isCreated())
            .get("code")
            .asString();
    write(member, "POST", "/api/invites/" + code + "/accept", null).expectStatus().isOk();

    var created =
        json(
            write(owner, "POST", channels(server), Map.of("name", "random"))
                .expectStatus()
                .isCreated());
    assertThat(created.get("position").asInt()).isEqualTo(1);
    var random = new Api.Server(server.id(), UUID.fromString(created.get("id").asString()));
    api.post(member, random, "in random").expectStatus().isCreated();
    var moved =
        write(
                owner,
                "PATCH",
                channels(server) + "/" + random.generalChannelId(),
                Map.of("name", "off-topic", "position", 0))
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position");
    assertThat(names(member, server, moved)).containsExactly("off-topic", "general");

    assertProblem(
        write(member, "POST", channels(server), Map.of("name", "mine")),
        HttpStatus.FORBIDDEN,
        "MISSING_PERMISSION");
    assertProblem(
        write(user("stranger"), "POST", channels(server), Map.of("name", "mine")),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");

    var deleted =
        write(owner, "DELETE", channels(server) + "/" + random.generalChannelId(), null)
            .expectStatus()
            .isNoContent()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position");
    assertThat(names(member, server, deleted)).containsExactly("general");
    assertProblem(api.post(member, random, "too late"), HttpStatus.NOT_FOUND, "CHANNEL_NOT_FOUND");
    // What is left is the system message of the member's join, in general.
    try (var connection = SharedInfrastructure.get().postgres().connect(databaseOf(server));
        var rows =
            connection
                .createStatement()
                .executeQuery("SELECT kind, channel_id FROM messages ORDER BY seq")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString("kind")).isEqualTo("SYSTEM");
      assertThat(rows.getObject("channel_id", UUID.class)).isEqualTo(server.generalChannelId());
      assertThat(rows.next()).as("messages of the deleted channel").isFalse();
    }

    var target = NAMESPACE + "_rebuilt_" + server.id().toString().substring(0, 8);
    var request = RebuildRequest.of(RebuildKind.SERVER, new ServerId(server.id()), target);
    rebuilder.rebuild(request);
    assertThat(verifier.diff(rebuilder.liveDatabase(request), target)).isEmpty();
  }

  private List<String> names(Api.User reader, Api.Server server, String position) {
    var body =
        json(
            api.http()
                .get()
                .uri(channels(server))
                .header(HttpHeaders.AUTHORIZATION, reader.bearer())
                .header("X-Ohkay-Min-Position", position)
                .exchange()
                .expectStatus()
                .isOk());
    var names = new ArrayList<String>();
    body.get("channels").forEach(channel -> names.add(channel.get("name").asString()));
    return names;
  }

  private WebTestClient.ResponseSpec write(
      Api.User actor, String method, String path, Object body) {
    var request =
        api.http()
            .method(org.springframework.http.HttpMethod.valueOf(method))
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, actor.bearer());
    return body == null
        ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private static String channels(Api.Server server) {
    return "/api/servers/" + server.id() + "/channels";
  }

  private static String databaseOf(Api.Server server) {
    return NAMESPACE + "_server_" + server.id().toString().replace("-", "");
  }

  private Api.User user(String name) {
    var session =
        accounts.signedUp(name + "-" + UUID.randomUUID() + "@example.com", "password " + name);
    return new Api.User(session.userId(), session.accessToken());
  }
}
