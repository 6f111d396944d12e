package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.CuttingProxy.Outage;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A real browser (Debian's headless Chromium) on the live stream: a page opens an {@code
 * EventSource} with a stream ticket, receives a posted message, loses its connection while more
 * messages are posted, resumes, and receives exactly the missed ones in order, then live ones. The
 * page and the API share one origin through {@link CuttingProxy}, which also makes the outages.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserStreamIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("brw");
  private static final Duration PROPAGATION = Duration.ofSeconds(20);
  private static final int MISSED = 5;
  private static final String MESSAGE_POSTED = EventTypes.MESSAGE_POSTED;
  private static final List<String> STREAM_EVENTS =
      List.of(
          "ready",
          "resync",
          "overflow",
          "revoked",
          "unavailable",
          "notification.created",
          "presence",
          "typing");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  private static @Nullable HeadlessChromium browserOrNull;

  @Value("${local.server.port}")
  int port;

  private Requests requests;
  private CuttingProxy proxy;

  @BeforeAll
  static void startBrowser() {
    browserOrNull = new HeadlessChromium();
  }

  @AfterAll
  static void stopBrowser() {
    if (browserOrNull != null) {
      browserOrNull.close();
    }
  }

  private static HeadlessChromium browser() {
    return Objects.requireNonNull(browserOrNull, "the browser did not start");
  }

  @BeforeEach
  void setUp() throws IOException {
    requests = new Requests(LiveStreams.http(port));
    try (var page = BrowserStreamIT.class.getResourceAsStream("browser-stream.html")) {
      proxy = new CuttingProxy(port, Objects.requireNonNull(page, "page").readAllBytes());
    }
  }

  @AfterEach
  void tearDown() {
    browser().open("about:blank");
    proxy.close();
  }

  @Test
  void shouldReceiveTheMissedMessagesOnceWhenTheBrowserReconnectsByItselfAfterACut() {
    var run = disconnectAndResume(Outage.DROP);

    assertThat(run.resume())
        .as("the EventSource's own reconnection (stream requests %s)", proxy.streamRequests())
        .isEqualTo(new CuttingProxy.StreamRequest(run.lastIdBeforeCut(), null, null));
  }

  @Test
  void shouldReceiveTheMissedMessagesOnceWhenThePageReopensFromItsCursorAfterTheStreamFailed() {
    var run = disconnectAndResume(Outage.BAD_GATEWAY);

    assertThat(run.resume())
        .as("the page's new EventSource (stream requests %s)", proxy.streamRequests())
        .isEqualTo(new CuttingProxy.StreamRequest(null, run.lastIdBeforeCut(), null));
  }

  /**
   * @param lastIdBeforeCut the id of the last event the page had when its connection was cut
   * @param resume the first stream request that reached the platform after the outage
   */
  private record Run(String lastIdBeforeCut, CuttingProxy.StreamRequest resume) {}

  /** One page event: its SSE event name, {@code lastEventId} and data. */
  private record PageEvent(String type, String id, String data) {

    JsonNode json() {
      return Json.mapper().readTree(data);
    }

    String content() {
      return json().get("payload").get("content").asString();
    }

    long seq() {
      return json().get("seq").asLong();
    }
  }

  /**
   * The whole story up to the checks of how the page resumed: a watcher's page gets ready and
   * receives a message; the proxy cuts it off; {@link #MISSED} messages are posted straight to the
   * platform; the outage lasts until the browser has met it at least once; then the page must get
   * exactly the missed messages, {@code ready}, and a live one.
   */
  private Run disconnectAndResume(Outage outage) {
    var watcher = requests.user("watcher");
    var poster = requests.user("poster");
    var messages = serverWith(watcher, poster);
    openPage(watcher);
    awaitCount("ready", 1);

    post(poster, messages, "before the cut");
    awaitCount(MESSAGE_POSTED, 1);
    var lastIdBeforeCut = (String) browser().script("return window.ohkay.lastId");
    assertThat(lastIdBeforeCut).as("page log %s", log()).isEqualTo(messagesSeen().get(0).id());
    var before = proxy.streamRequests().size();

    proxy.cut(outage);
    var missed = IntStream.rangeClosed(1, MISSED).mapToObj(i -> "missed " + i).toList();
    missed.forEach(content -> post(poster, messages, content));
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                assertThat(proxy.streamRequests().stream().skip(before))
                    .as("stream requests meeting the %s outage (page log %s)", outage, log())
                    .anyMatch(r -> r.refusedBy() == outage));
    assertThat(messagesSeen()).as("messages during the outage").hasSize(1);
    proxy.heal();

    awaitCount("ready", 2);
    post(poster, messages, "live after the resume");
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                assertThat(messagesSeen())
                    .as("messages in the page (page log %s)", log())
                    .extracting(PageEvent::content)
                    .contains("live after the resume"));

    assertStory(missed);
    var forwarded =
        proxy.streamRequests().stream().skip(before).filter(r -> r.refusedBy() == null).toList();
    assertThat(forwarded).as("stream requests forwarded after the cut").hasSize(1);
    return new Run(lastIdBeforeCut, forwarded.getFirst());
  }

  private void awaitCount(String type, int count) {
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                assertThat(events())
                    .as("%s events in the page (page log %s)", type, log())
                    .filteredOn(e -> e.type().equals(type))
                    .hasSize(count));
  }

  /**
   * ready, the first message, the missed ones in order, ready again, the live one: nothing else.
   */
  private void assertStory(List<String> missed) {
    var expected = new ArrayList<String>();
    expected.add("ready");
    expected.add("before the cut");
    expected.addAll(missed);
    expected.add("ready");
    expected.add("live after the resume");
    var events = events();
    assertThat(
            events.stream()
                .filter(e -> e.type().equals("ready") || e.type().equals(MESSAGE_POSTED))
                .map(e -> e.type().equals("ready") ? "ready" : e.content())
                .toList())
        .as("ready and message events of the page (page log %s)", log())
        .containsExactlyElementsOf(expected);
    assertThat(events).as("resync events").noneMatch(e -> e.type().equals("resync"));
    var seen = messagesSeen();
    var firstSeq = seen.getFirst().seq();
    assertThat(seen.stream().map(PageEvent::seq).toList())
        .as("message seqs (one server, one poster)")
        .containsExactlyElementsOf(
            IntStream.range(0, seen.size()).mapToObj(i -> firstSeq + i).toList());
    assertThat(seen.stream().map(PageEvent::id).distinct().count())
        .as("distinct event ids of %s", seen)
        .isEqualTo(seen.size());
  }

  /** A server of {@code owner} that {@code member} joined; returns its general channel's path. */
  private String serverWith(Api.User owner, Api.User member) {
    var server = requests.ok(owner, "POST", "/api/servers", Map.of("name", "Browsers"), 201).body();
    var serverId = server.get("id").asString();
    var code =
        requests
            .ok(owner, "POST", "/api/servers/" + serverId + "/invites", Map.of(), 201)
            .body()
            .get("code")
            .asString();
    requests.ok(member, "POST", "/api/invites/" + code + "/accept", null, 200);
    return Api.messagesPath(
        UUID.fromString(serverId),
        UUID.fromString(server.get("channels").get(0).get("id").asString()));
  }

  private void post(Api.User author, String messages, String content) {
    requests.ok(author, "POST", messages, Map.of("content", content), 201);
  }

  private void openPage(Api.User user) {
    var types = new ArrayList<>(EventTypes.all());
    types.addAll(STREAM_EVENTS);
    browser().open(proxy.pageUrl());
    browser().script("window.ohkay.start(arguments[0], arguments[1])", user.token(), types);
  }

  private boolean refusedSince(int index, Outage outage) {
    return proxy.streamRequests().stream().skip(index).anyMatch(r -> r.refusedBy() == outage);
  }

  private List<PageEvent> events() {
    var json = (String) browser().script("return JSON.stringify(window.ohkay.events)");
    var events = new ArrayList<PageEvent>();
    for (var event : Json.mapper().readTree(json)) {
      events.add(
          new PageEvent(
              event.get("type").asString(),
              event.get("id").asString(),
              event.get("data").asString()));
    }
    return events;
  }

  private List<PageEvent> messagesSeen() {
    return events().stream().filter(e -> e.type().equals(MESSAGE_POSTED)).toList();
  }

  private String log() {
    return String.valueOf(browser().script("return JSON.stringify(window.ohkay.log)"));
  }
}
