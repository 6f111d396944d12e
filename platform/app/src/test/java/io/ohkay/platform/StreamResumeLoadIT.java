package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.VisibleEvents.Audience;
import io.ohkay.platform.VisibleEvents.Partition;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.topic.Topics;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Exact resume of the live stream, end to end on the real platform: under load, with clients cut at
 * random bytes and moments and resuming with their last cursor on the same or another edge
 * instance, every client gets every event it may see once and in order and nothing else; resumes
 * stay exact across a broker restart and on a freshly started edge; a cursor whose records the
 * topics no longer keep gets {@code resync}. What a user may see is worked out from the events
 * topics and the scenario's own rules ({@link VisibleEvents}), never by the stream code. A failure
 * prints the seed: {@code -Dohkay.stream.seed=<seed>} replays the same posts and the same random
 * choices (cut budgets, edges, pauses), though not their timing.
 *
 * <p>"Another edge instance" is a second Spring context holding the edge alone ({@link
 * EdgeInstance}) on the platform's namespace, keeping fewer events in memory than the platform's
 * edge, so a resume there from further back is read back from Kafka.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamResumeLoadIT {

  private static final Logger LOG = LoggerFactory.getLogger(StreamResumeLoadIT.class);
  static final String NAMESPACE = SharedInfrastructure.uniqueName("srl");
  private static final int USERS = 10;
  private static final int MESSAGES = 10_000;
  private static final int MIN_RESUMES = 500;
  private static final int POSTS_IN_FLIGHT = 32;

  /** Events the other edge keeps in memory: a resume from further back is read from Kafka. */
  private static final int OTHER_EDGE_MEMORY = 200;

  private static final Duration PROPAGATION = Duration.ofSeconds(60);
  private static final Duration EVENT_WAIT = Duration.ofSeconds(20);

  /** How long the clients have, once the posts are answered, to receive every event. */
  private static final Duration CATCH_UP = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  @Value("${ohkay.data-dir}")
  String dataDir;

  private static @Nullable EdgeInstance other;
  private static int otherMemory;

  private Requests requests;
  private WebTestClient http;
  private WebClient web;

  @BeforeEach
  void setUp() {
    http = LiveStreams.http(port);
    requests = new Requests(http);
    web = WebClient.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void closeOtherEdge() {
    if (other != null) {
      other.close();
      other = null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Under load

  @Test
  @Order(1)
  void shouldGiveEveryClientEachVisibleEventOnceInOrderWhenResumingAtRandomUnderLoad()
      throws Exception {
    var seed = Long.getLong("ohkay.stream.seed", new SecureRandom().nextLong());
    LOG.info("stream resume load seed {} (replay: -Dohkay.stream.seed={})", seed, seed);
    var started = System.nanoTime();
    var random = new Random(seed);
    var users = new ArrayList<Api.User>();
    for (var i = 0; i < USERS; i++) {
      users.add(requests.user("u" + i));
    }
    // The other edge starts after the sign-ups (while the servers are set up), as an instance
    // started later than the first: it positions itself at the topics' ends.
    var edgeStart = new FutureTask<>(() -> restartOtherEdge(OTHER_EDGE_MEMORY));
    Thread.ofPlatform().name("other-edge-start").start(edgeStart);
    var scenario = buildScenario(users);
    var edge = edgeStart.get();
    var floor = VisibleEvents.ends(VisibleEvents.read(NAMESPACE));
    var plan = scenario.plan(random, MESSAGES);

    var clients = new ArrayList<StreamClient>();
    var sockets = new ArrayList<SseSocket>();
    for (var i = 0; i < USERS; i++) {
      var client = new StreamClient("u" + i, scenario.users().get(i));
      clients.add(client);
      sockets.add(openPast(client, floor));
    }
    var cutting = new AtomicBoolean(true);
    var stopped = new AtomicBoolean();
    var resumes = new AtomicInteger();
    var drivers = new ArrayList<Thread>();
    for (var i = 0; i < USERS; i++) {
      var client = clients.get(i);
      var socket = sockets.get(i);
      var clientRandom = new Random(random.nextLong());
      drivers.add(
          Thread.ofPlatform()
              .name("stream-" + client.name())
              .start(
                  () ->
                      client.run(
                          socket,
                          this::portOf,
                          clientRandom,
                          cutting::get,
                          stopped::get,
                          resumes)));
    }
    var loadStarted = System.nanoTime();
    LOG.info("seed {}: set up and {} streams open in {} s; posting", seed, USERS, seconds(started));
    Posted posted;
    try {
      posted = post(plan);
      LOG.info("seed {}: posted in {} s, {} resumes so far", seed, seconds(loadStarted), resumes);
      await()
          .atMost(PROPAGATION)
          .until(
              () ->
                  resumes.get() >= MIN_RESUMES
                      || clients.stream().anyMatch(c -> !c.anomalies().isEmpty()));
    } finally {
      cutting.set(false);
    }
    var loadSeconds = seconds(loadStarted);
    assertThat(posted.failures()).as("seed %d: refused posts", seed).isEmpty();

    LOG.info("seed {}: {} resumes; reading the topics", seed, resumes);
    var facts = VisibleEvents.read(NAMESPACE);
    var expected = new LinkedHashMap<StreamClient, VisibleEvents.Expected>();
    for (var client : clients) {
      expected.put(
          client,
          VisibleEvents.expected(
              facts,
              VisibleEvents.positions(Objects.requireNonNull(client.start())),
              client.user().id(),
              scenario.audience()));
    }
    try {
      // Until nothing is missing (duplicates and strangers are judged below).
      await()
          .atMost(CATCH_UP)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  expected.entrySet().stream()
                      .allMatch(e -> e.getKey().verdict(e.getValue()).missing() == 0));
    } catch (ConditionTimeoutException e) {
      // The verdicts below say what is missing.
    }
    stopped.set(true);
    for (var driver : drivers) {
      driver.join(Duration.ofSeconds(10));
    }
    var verdicts = new ArrayList<StreamClient.Verdict>();
    var problems = new ArrayList<String>();
    for (var entry : expected.entrySet()) {
      var verdict = entry.getKey().verdict(entry.getValue());
      verdicts.add(verdict);
      problems.addAll(verdict.problems());
    }
    var checked = verdicts.stream().mapToInt(StreamClient.Verdict::checked).sum();
    var expectedEvents = expected.values().stream().mapToInt(VisibleEvents.Expected::events).sum();
    var switches = clients.stream().mapToInt(StreamClient::switches).sum();
    var clientResumes = clients.stream().mapToInt(StreamClient::resumes).sum();
    var serverEnds = clients.stream().mapToInt(StreamClient::serverEnds).sum();
    LOG.info(
        "seed {}: {} messages posted ({} answered 202) in {} s over {} servers and {}"
            + " conversations; {} resumes, {} of them on the other edge instance, {} after the"
            + " server ended a connection; {} events checked of {} expected; {} problems",
        seed,
        posted.created() + posted.accepted(),
        posted.accepted(),
        loadSeconds,
        scenario.audience().members().size(),
        scenario.audience().participants().size(),
        clientResumes,
        switches,
        serverEnds,
        checked,
        expectedEvents,
        problems.size());
    assertThat(problems)
        .as("seed %d: what the clients received against what they may see", seed)
        .isEmpty();
    assertThat(posted.created() + posted.accepted()).as("messages").isEqualTo(MESSAGES);
    assertThat(clientResumes).as("seed %d: resumes", seed).isGreaterThanOrEqualTo(MIN_RESUMES);
    assertThat(switches)
        .as("seed %d: resumes on the other edge instance, of %d", seed, clientResumes)
        .isGreaterThanOrEqualTo(clientResumes * 2 / 5);

    // Nothing more comes: each resumes once more from its last cursor, on the other instance
    // (edge 1), and is given nothing before ready.
    var last = new ArrayList<SseSocket>();
    try {
      for (var client : clients) {
        last.add(client.connect(1, edge.port()));
      }
      for (var i = 0; i < USERS; i++) {
        var client = clients.get(i);
        client.readUntil(last.get(i), e -> e.name().equals("ready"), EVENT_WAIT);
        assertThat(StreamClient.summary(withIds(client.connectionEvents())))
            .as("seed %d: %s resuming from its last cursor once all came", seed, client.name())
            .containsExactly("ready");
        assertThat(client.verdict(expected.get(client)).problems()).as("seed %d", seed).isEmpty();
      }
    } finally {
      last.forEach(SseSocket::close);
    }
    LOG.info("seed {}: load test done in {} s", seed, seconds(started));
  }

  // ---------------------------------------------------------------------------------------------
  // Restarts and retention

  @Test
  @Order(2)
  void shouldReplayExactlyTheMissedMessagesWhenResumingAfterABrokerRestart() throws Exception {
    var owner = requests.user("broker");
    var server = createServer(owner, "broker restart");
    var audience = new Audience(Map.of(server.id(), Set.of(owner.id())), Map.of(), Map.of());
    var edge = otherEdge(OTHER_EDGE_MEMORY);
    var floor = VisibleEvents.ends(VisibleEvents.read(NAMESPACE));
    // Four streams of the owner: opened on either instance, resumed on the same or the other.
    var legs = List.of(List.of(0, 0), List.of(0, 1), List.of(1, 1), List.of(1, 0));
    var clients = new ArrayList<StreamClient>();
    var sockets = new ArrayList<SseSocket>();
    for (var leg : legs) {
      var client =
          new StreamClient(
              "opened on edge %d, resumed on edge %d".formatted(leg.get(0), leg.get(1)), owner);
      clients.add(client);
      sockets.add(openPast(client, floor, leg.get(0), portOf(leg.get(0))));
    }
    postSync(owner, server, "before the restart");
    for (var i = 0; i < clients.size(); i++) {
      clients.get(i).readUntil(sockets.get(i), posted("before the restart"), EVENT_WAIT);
      sockets.get(i).close();
    }

    // The broker is the JVM's, shared by every IT of the run: it comes back on the same port and
    // data directory, and the platform (decider, projector, edge) is healthy again before going on.
    var kafka = SharedInfrastructure.get().kafka();
    var restart = System.nanoTime();
    kafka.stop();
    var whileDown = new ArrayList<Mono<Answer>>();
    for (var i = 1; i <= 3; i++) {
      whileDown.add(postAsync(owner, server, "while the broker is down " + i).cache());
    }
    whileDown.forEach(Mono::subscribe);
    kafka.start();
    EdgeInstance.awaitUp(port, "/api/health");
    edge.awaitHealthy();
    LOG.info("broker restarted, platform and other edge healthy after {} s", seconds(restart));
    for (var answer : whileDown) {
      awaitDecided(owner, Objects.requireNonNull(answer.block(Duration.ofSeconds(90))));
    }
    for (var i = 1; i <= 3; i++) {
      postSync(owner, server, "after the restart " + i);
    }

    var resumed = new ArrayList<SseSocket>();
    try {
      for (var i = 0; i < clients.size(); i++) {
        var client = clients.get(i);
        var missed = contentsAfter(Objects.requireNonNull(client.cursor()), server.id());
        assertThat(missed)
            .as("the topics after %s's cut", client.name())
            .containsExactlyInAnyOrder(
                "while the broker is down 1",
                "while the broker is down 2",
                "while the broker is down 3",
                "after the restart 1",
                "after the restart 2",
                "after the restart 3");
        var resumeOn = legs.get(i).get(1);
        var socket = client.connect(resumeOn, portOf(resumeOn));
        resumed.add(socket);
        client.readUntil(socket, e -> e.name().equals("ready"), EVENT_WAIT);
        assertThat(contents(client.connectionEvents()))
            .as("%s: replayed before ready", client.name())
            .containsExactlyElementsOf(missed);
      }
      postSync(owner, server, "live after the restart");
      for (var i = 0; i < clients.size(); i++) {
        var client = clients.get(i);
        client.readUntil(resumed.get(i), posted("live after the restart"), EVENT_WAIT);
        assertThat(StreamClient.summary(withIds(client.connectionEvents())))
            .as("%s: the resumed connection", client.name())
            .containsExactlyElementsOf(resumedNames(6));
        assertExact(client, audience);
      }
    } finally {
      resumed.forEach(SseSocket::close);
    }
  }

  @Test
  @Order(3)
  void shouldReplayExactlyTheMissedMessagesWhenResumingOnAFreshlyStartedEdgeAndBack()
      throws Exception {
    var owner = requests.user("edge");
    var server = createServer(owner, "edge restart");
    var audience = new Audience(Map.of(server.id(), Set.of(owner.id())), Map.of(), Map.of());
    var floor = VisibleEvents.ends(VisibleEvents.read(NAMESPACE));
    var client = new StreamClient("owner", owner);
    var socket = openPast(client, floor, 1, otherEdge(OTHER_EDGE_MEMORY).port());
    postSync(owner, server, "seen");
    client.readUntil(socket, posted("seen"), EVENT_WAIT);
    socket.close();
    var cut = Objects.requireNonNull(client.cursor());
    for (var i = 1; i <= 5; i++) {
      postSync(owner, server, "missed " + i);
    }

    // Fresh, and keeping nothing in memory: the resume is read back from the topics.
    var fresh = restartOtherEdge(0);
    var missed = contentsAfter(cut, server.id());
    assertThat(missed).containsExactly("missed 1", "missed 2", "missed 3", "missed 4", "missed 5");
    var resumed = client.connect(1, fresh.port());
    try {
      client.readUntil(resumed, e -> e.name().equals("ready"), EVENT_WAIT);
      assertThat(contents(client.connectionEvents()))
          .as("replayed before ready by an edge started after them")
          .containsExactlyElementsOf(missed);
      postSync(owner, server, "live");
      client.readUntil(resumed, posted("live"), EVENT_WAIT);
      assertThat(StreamClient.summary(withIds(client.connectionEvents())))
          .containsExactlyElementsOf(resumedNames(missed.size()));
    } finally {
      resumed.close();
    }

    // Back on the platform's edge, which has run all along, from the fresh edge's cursor.
    postSync(owner, server, "missed again");
    var back = client.connect(0, port);
    try {
      client.readUntil(back, e -> e.name().equals("ready"), EVENT_WAIT);
      assertThat(StreamClient.summary(withIds(client.connectionEvents())))
          .as("resuming on the first edge from %s, given by the fresh one", client.resumedFrom())
          .containsExactly(EventTypes.MESSAGE_POSTED, "ready");
      assertThat(contents(client.connectionEvents())).containsExactly("missed again");
      assertExact(client, audience);
    } finally {
      back.close();
    }
  }

  @Test
  @Order(4)
  void shouldSendResyncThenReadyWhenTheCursorIsBeyondRetention() throws Exception {
    var owner = requests.user("retention");
    var server = createServer(owner, "retention");
    // An edge that keeps nothing in memory reads every resume back from the topics.
    var edge = otherEdge(0);
    var floor = VisibleEvents.ends(VisibleEvents.read(NAMESPACE));
    var client = new StreamClient("owner", owner);
    var socket = openPast(client, floor, 1, edge.port());
    postSync(owner, server, "seen");
    client.readUntil(socket, posted("seen"), EVENT_WAIT);
    socket.close();
    var cut = Objects.requireNonNull(client.cursor());
    for (var i = 1; i <= 3; i++) {
      postSync(owner, server, "deleted " + i);
    }
    var partition = partitionOf(server.id());
    var position = VisibleEvents.positions(cut).get(new Partition('s', partition.partition()));
    long deletedUpTo;
    try (var admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafka().bootstrapServers()))) {
      deletedUpTo =
          admin
              .listOffsets(Map.of(partition, OffsetSpec.latest()))
              .partitionResult(partition)
              .get()
              .offset();
      assertThat(deletedUpTo).as("records after the cursor").isGreaterThan(position);
      admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(deletedUpTo))).all().get();
    }

    var resumed = client.connect(1, edge.port());
    try {
      client.readUntil(resumed, e -> e.name().equals("ready"), EVENT_WAIT);
      var events = withIds(client.connectionEvents());
      assertThat(StreamClient.summary(events))
          .as("resuming from %s, %s deleted before offset %d", cut, partition, deletedUpTo)
          .containsExactly("resync", "ready");
      var resync = Json.mapper().readTree(events.getFirst().data());
      assertThat(resync.get("reason").asString()).isEqualTo("CURSOR_EXPIRED");
      assertThat(resync.get("cursor").asString()).isEqualTo(events.getFirst().id());
      postSync(owner, server, "live after the resync");
      client.readUntil(resumed, posted("live after the resync"), EVENT_WAIT);
      assertThat(StreamClient.summary(withIds(client.connectionEvents())))
          .containsExactly("resync", "ready", EventTypes.MESSAGE_POSTED);
    } finally {
      resumed.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The scenario

  /**
   * Who is where: three servers (one with a channel only a role may view, one with a channel one
   * member may not view), a user in no server, and four conversations.
   *
   * @param users the streaming users, {@code u0}..{@code u9}
   * @param audience who may see what
   * @param targets where messages are posted and who may post them
   */
  private record Scenario(List<Api.User> users, Audience audience, List<Target> targets) {

    /** {@code count} posts, each to a random target by a random one of its posters. */
    List<Post> plan(Random random, int count) {
      var plan = new ArrayList<Post>(count);
      for (var i = 0; i < count; i++) {
        var target = targets.get(random.nextInt(targets.size()));
        var author = target.posters().get(random.nextInt(target.posters().size()));
        plan.add(new Post(author, target.path(), "load " + i));
      }
      return plan;
    }
  }

  /** A channel or conversation and the users who post there. */
  private record Target(String path, List<Api.User> posters) {}

  private record Post(Api.User author, String path, String content) {}

  private record Answer(Api.User author, int status, @Nullable URI location, String body) {}

  private record Posted(int created, int accepted, List<String> failures) {}

  private Scenario buildScenario(List<Api.User> u) {
    var members = new HashMap<UUID, Set<UUID>>();
    var viewers = new HashMap<UUID, Set<UUID>>();
    var participants = new HashMap<UUID, Set<UUID>>();
    var targets = new ArrayList<Target>();

    // alpha: staff is hidden from @everyone and shown to the staff role (u1) and the owner.
    var alpha = createServer(u.get(0), "alpha");
    join(alpha, u.get(0), List.of(u.get(1), u.get(2), u.get(3), u.get(4)));
    var staff = createChannel(alpha, u.get(0), "staff");
    var staffRole = createRole(alpha, u.get(0), "staff");
    requests.ok(
        u.get(0),
        "PUT",
        serverPath(alpha, "/members/" + u.get(1).id() + "/roles/" + staffRole),
        null,
        204);
    overwrite(alpha, u.get(0), staff, alpha.id(), "ROLE", List.of(), List.of("VIEW_CHANNEL"));
    overwrite(alpha, u.get(0), staff, staffRole, "ROLE", List.of("VIEW_CHANNEL"), List.of());
    members.put(alpha.id(), ids(u, 0, 1, 2, 3, 4));
    viewers.put(staff, ids(u, 0, 1));
    targets.add(channel(alpha, alpha.generalChannelId(), users(u, 0, 1, 2, 3, 4)));
    targets.add(channel(alpha, staff, users(u, 0, 1)));

    // beta: ops is hidden from one member (u5) by a member overwrite.
    var beta = createServer(u.get(3), "beta");
    join(beta, u.get(3), List.of(u.get(4), u.get(5), u.get(6), u.get(7)));
    var ops = createChannel(beta, u.get(3), "ops");
    overwrite(beta, u.get(3), ops, u.get(5).id(), "MEMBER", List.of(), List.of("VIEW_CHANNEL"));
    members.put(beta.id(), ids(u, 3, 4, 5, 6, 7));
    viewers.put(ops, ids(u, 3, 4, 6, 7));
    targets.add(channel(beta, beta.generalChannelId(), users(u, 3, 4, 5, 6, 7)));
    targets.add(channel(beta, ops, users(u, 3, 4, 6, 7)));

    // gamma: two public channels.
    var gamma = createServer(u.get(6), "gamma");
    join(gamma, u.get(6), List.of(u.get(7), u.get(8), u.get(0)));
    var random = createChannel(gamma, u.get(6), "random");
    members.put(gamma.id(), ids(u, 6, 7, 8, 0));
    targets.add(channel(gamma, gamma.generalChannelId(), users(u, 6, 7, 8, 0)));
    targets.add(channel(gamma, random, users(u, 6, 7, 8, 0)));

    // u9 is in no server: DMs only.
    for (var pair : List.of(List.of(1, 5), List.of(2, 8), List.of(0, 9), List.of(9, 4))) {
      var a = u.get(pair.get(0));
      var b = u.get(pair.get(1));
      var conversation =
          UUID.fromString(
              requests.ok(a, "POST", "/api/dms/" + b.id(), null, 201).body().get("id").asString());
      assertThat(conversation)
          .isEqualTo(ConversationId.between(new UserId(a.id()), new UserId(b.id())).value());
      participants.put(conversation, Set.of(a.id(), b.id()));
      targets.add(new Target("/api/dms/" + conversation + "/messages", List.of(a, b)));
    }

    // The registry lists each user's servers before anyone streams (a stream's servers come
    // from it).
    for (var i = 0; i < USERS; i++) {
      var user = u.get(i);
      var theirs = new HashSet<UUID>();
      members.forEach(
          (server, users) -> {
            if (users.contains(user.id())) {
              theirs.add(server);
            }
          });
      await().atMost(PROPAGATION).until(() -> serversOf(user).equals(theirs));
    }
    return new Scenario(u, new Audience(members, viewers, participants), targets);
  }

  private Set<UUID> serversOf(Api.User user) {
    var body =
        Api.json(
            http.get()
                .uri("/api/servers")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk());
    var servers = new HashSet<UUID>();
    body.get("servers").forEach(s -> servers.add(UUID.fromString(s.get("id").asString())));
    return servers;
  }

  private Api.Server createServer(Api.User owner, String name) {
    var body = requests.ok(owner, "POST", "/api/servers", Map.of("name", name), 201).body();
    return new Api.Server(
        UUID.fromString(body.get("id").asString()),
        UUID.fromString(body.get("channels").get(0).get("id").asString()));
  }

  private void join(Api.Server server, Api.User owner, List<Api.User> joiners) {
    var code =
        requests
            .ok(owner, "POST", serverPath(server, "/invites"), Map.of(), 201)
            .body()
            .get("code")
            .asString();
    for (var joiner : joiners) {
      requests.ok(joiner, "POST", "/api/invites/" + code + "/accept", null, 200);
    }
  }

  private UUID createChannel(Api.Server server, Api.User owner, String name) {
    return UUID.fromString(
        requests
            .ok(owner, "POST", serverPath(server, "/channels"), Map.of("name", name), 201)
            .body()
            .get("id")
            .asString());
  }

  private UUID createRole(Api.Server server, Api.User owner, String name) {
    return UUID.fromString(
        requests
            .ok(
                owner,
                "POST",
                serverPath(server, "/roles"),
                Map.of("name", name, "permissions", List.of()),
                201)
            .body()
            .get("id")
            .asString());
  }

  private void overwrite(
      Api.Server server,
      Api.User owner,
      UUID channel,
      UUID target,
      String type,
      List<String> allow,
      List<String> deny) {
    requests.ok(
        owner,
        "PUT",
        serverPath(server, "/channels/" + channel + "/overwrites/" + target),
        Map.of("type", type, "allow", allow, "deny", deny),
        204);
  }

  private static String serverPath(Api.Server server, String rest) {
    return "/api/servers/" + server.id() + rest;
  }

  private static Target channel(Api.Server server, UUID channel, List<Api.User> posters) {
    return new Target(Api.messagesPath(server.id(), channel), posters);
  }

  private static Set<UUID> ids(List<Api.User> users, int... indexes) {
    var ids = new HashSet<UUID>();
    for (var index : indexes) {
      ids.add(users.get(index).id());
    }
    return Set.copyOf(ids);
  }

  private static List<Api.User> users(List<Api.User> users, int... indexes) {
    var chosen = new ArrayList<Api.User>();
    for (var index : indexes) {
      chosen.add(users.get(index));
    }
    return chosen;
  }

  // ---------------------------------------------------------------------------------------------
  // Posting

  /** Posts the plan, {@link #POSTS_IN_FLIGHT} at a time; waits until a 202's command is decided. */
  private Posted post(List<Post> plan) {
    var created = new AtomicInteger();
    var accepted = new ConcurrentLinkedQueue<Answer>();
    var failures = new ConcurrentLinkedQueue<String>();
    Flux.fromIterable(plan)
        .flatMap(p -> postAsync(p.author(), p.path(), p.content()), POSTS_IN_FLIGHT)
        .doOnNext(
            answer -> {
              switch (answer.status()) {
                case 201 -> created.incrementAndGet();
                case 202 -> accepted.add(answer);
                default -> failures.add(answer.status() + " " + answer.body());
              }
            })
        .blockLast(Duration.ofMinutes(3));
    accepted.forEach(answer -> awaitDecided(answer.author(), answer));
    return new Posted(created.get(), accepted.size(), List.copyOf(failures));
  }

  private Mono<Answer> postAsync(Api.User author, String path, String content) {
    return web.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, author.bearer())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("content", content))
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .map(
                        body ->
                            new Answer(
                                author,
                                response.statusCode().value(),
                                response.headers().asHttpHeaders().getLocation(),
                                body)));
  }

  private Mono<Answer> postAsync(Api.User author, Api.Server server, String content) {
    return postAsync(author, Api.messagesPath(server.id(), server.generalChannelId()), content);
  }

  private void postSync(Api.User author, Api.Server server, String content) {
    var answer = Objects.requireNonNull(postAsync(author, server, content).block(EVENT_WAIT));
    assertThat(answer.status()).as("posting %s: %s", content, answer.body()).isIn(201, 202);
    awaitDecided(author, answer);
  }

  /** For a 202, waits until its command is decided (its events are then on the topics). */
  private void awaitDecided(Api.User author, Answer answer) {
    assertThat(answer.status()).as("a post answered %s", answer.body()).isIn(201, 202);
    if (answer.status() == 201) {
      return;
    }
    var location = Objects.requireNonNull(answer.location()).toString();
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                http.get()
                        .uri(location)
                        .header(HttpHeaders.AUTHORIZATION, author.bearer())
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getStatus()
                        .value()
                    == 200);
  }

  // ---------------------------------------------------------------------------------------------
  // Streams

  /** The port of edge {@code index}: 0 the platform's own, 1 the other instance. */
  private int portOf(int index) {
    return index == 0 ? port : Objects.requireNonNull(other).port();
  }

  /** The other edge instance, started (again) when it is not running with this memory. */
  private EdgeInstance otherEdge(int memory) {
    if (other == null || otherMemory != memory) {
      return restartOtherEdge(memory);
    }
    return other;
  }

  private EdgeInstance restartOtherEdge(int memory) {
    if (other != null) {
      other.close();
      other = null;
    }
    other = EdgeInstance.start(NAMESPACE, dataDir, memory);
    otherMemory = memory;
    return other;
  }

  private SseSocket openPast(StreamClient client, Map<Partition, Long> floor) {
    return openPast(client, floor, 0, port);
  }

  /**
   * A new stream (no cursor) of {@code client} on edge {@code index} whose {@code ready} cursor is
   * past {@code floor}: the edge's feed has read the whole setup, so everything after the cursor is
   * the test's doing.
   */
  private SseSocket openPast(
      StreamClient client, Map<Partition, Long> floor, int index, int edgePort) {
    return await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              client.restart();
              var socket = client.connect(index, edgePort);
              client.readUntil(socket, e -> e.name().equals("ready"), EVENT_WAIT);
              if (VisibleEvents.atOrPast(Objects.requireNonNull(client.start()), floor)) {
                return socket;
              }
              socket.close();
              return null;
            },
            Objects::nonNull);
  }

  private static String seconds(long since) {
    return "%.1f".formatted((System.nanoTime() - since) / 1e9);
  }

  private static java.util.function.Predicate<SseSocket.Event> posted(String content) {
    return e ->
        e.name().equals(EventTypes.MESSAGE_POSTED)
            && content.equals(
                Json.mapper().readTree(e.data()).get("payload").get("content").asString());
  }

  /** The contents of the messages among {@code events}, in order. */
  private static List<String> contents(List<SseSocket.Event> events) {
    return events.stream()
        .filter(e -> e.name().equals(EventTypes.MESSAGE_POSTED))
        .map(e -> Json.mapper().readTree(e.data()).get("payload").get("content").asString())
        .toList();
  }

  /** The events that carry an id (presence and typing carry none). */
  private static List<SseSocket.Event> withIds(List<SseSocket.Event> events) {
    return events.stream().filter(e -> e.id() != null).toList();
  }

  /** A resumed connection: the missed messages, ready, then one live message. */
  private static List<String> resumedNames(int missed) {
    var names = new ArrayList<String>();
    for (var i = 0; i < missed; i++) {
      names.add(EventTypes.MESSAGE_POSTED);
    }
    names.add("ready");
    names.add(EventTypes.MESSAGE_POSTED);
    return names;
  }

  /** The contents of {@code server}'s messages on the topics after {@code cursor}, in order. */
  private List<String> contentsAfter(String cursor, UUID server) {
    var from = VisibleEvents.positions(cursor);
    return VisibleEvents.read(NAMESPACE).stream()
        .filter(f -> f.aggregate().equals(server) && f.offset() >= from.get(f.partition()))
        .filter(f -> f.type().equals(EventTypes.MESSAGE_POSTED))
        .map(f -> f.payload().get("content").asString())
        .toList();
  }

  private void assertExact(StreamClient client, Audience audience) {
    var expected =
        VisibleEvents.expected(
            VisibleEvents.read(NAMESPACE),
            VisibleEvents.positions(Objects.requireNonNull(client.start())),
            client.user().id(),
            audience);
    assertThat(client.verdict(expected).problems()).as(client.name()).isEmpty();
  }

  private TopicPartition partitionOf(UUID server) {
    var fact =
        VisibleEvents.read(NAMESPACE).stream()
            .filter(f -> f.aggregate().equals(server))
            .findFirst()
            .orElseThrow();
    return new TopicPartition(
        Topics.SERVER_EVENTS.in(NAMESPACE + "."), fact.partition().partition());
  }
}
