package io.ohkay.bench.system;

import io.ohkay.bench.target.FanoutTarget;
import io.ohkay.bench.target.Sender;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ohkay platform as a fan-out target: an owner posting into the {@code general} channel of
 * their server, and {@code members} other users who joined it through an invite, each a subscriber
 * with an account (and a presence) of their own.
 */
public final class SystemFanoutTarget implements FanoutTarget {

  private static final Logger log = LoggerFactory.getLogger(SystemFanoutTarget.class);

  private static final int PROGRESS_EVERY = 250;
  private static final Duration PROJECTED_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PROJECTED_POLL = Duration.ofMillis(250);

  private final SystemPlatform platform;
  private final Channel channel;
  private final Sender sender;
  private final List<String> memberTokens;

  /** The busy channel, and its server's owner who posts into it. */
  record Channel(ServerId serverId, ChannelId channelId, UserId ownerId) {}

  private SystemFanoutTarget(
      SystemPlatform platform, Channel channel, Sender sender, List<String> memberTokens) {
    this.platform = platform;
    this.channel = channel;
    this.sender = sender;
    this.memberTokens = memberTokens;
  }

  /** Starts the platform on {@code infrastructure} and signs up {@code members} members. */
  public static SystemFanoutTarget start(EmbeddedInfrastructure infrastructure, int members) {
    return TargetSetup.onPlatform(
        SystemPlatform.start(infrastructure), platform -> prepare(platform, members));
  }

  private static SystemFanoutTarget prepare(SystemPlatform platform, int members)
      throws InterruptedException {
    var baseUrl = platform.baseUrl();
    var http = HttpClient.newHttpClient();
    var owner = PlatformCalls.signup(http, baseUrl, "Owner");
    var server =
        PlatformCalls.read(
            PlatformCalls.call(
                http, baseUrl.resolve("/api/servers"), owner.token(), Map.of("name", "Fan-out")));
    var serverId = server.get("id").asString();
    var channelId = server.get("channels").get(0).get("id").asString();
    var code =
        PlatformCalls.read(
                PlatformCalls.call(
                    http,
                    baseUrl.resolve("/api/servers/" + serverId + "/invites"),
                    owner.token(),
                    Map.of()))
            .get("code")
            .asString();
    var tokens = join(http, baseUrl, code, members);
    awaitProjected(http, baseUrl);
    var path = "/api/servers/%s/channels/%s/messages".formatted(serverId, channelId);
    var channel =
        new Channel(ServerId.parse(serverId), ChannelId.parse(channelId), new UserId(owner.id()));
    return new SystemFanoutTarget(platform, channel, new Sender(path, owner.token()), tokens);
  }

  private static List<String> join(HttpClient http, URI baseUrl, String code, int members)
      throws InterruptedException {
    var joined = new AtomicInteger();
    return TargetSetup.signUp(
        http,
        baseUrl,
        "Member",
        members,
        member -> {
          accept(http, baseUrl, code, member);
          if (joined.incrementAndGet() % PROGRESS_EVERY == 0) {
            log.info("{} of {} members signed up and joined", joined.get(), members);
          }
          return member.token();
        },
        "a member could not join");
  }

  /**
   * Waits until every projector consumer reports no lag: a thousand sign-ups and joins leave the
   * projector a backlog that would otherwise be measured along with the first steps.
   */
  private static void awaitProjected(HttpClient http, URI baseUrl) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + PROJECTED_TIMEOUT.toNanos();
    var request = HttpRequest.newBuilder(baseUrl.resolve("/api/health")).GET().build();
    while (System.nanoTime() < deadline) {
      var health = PlatformCalls.read(PlatformCalls.send(http, request));
      var consumers = health.path("components").path("projector").path("details");
      boolean caughtUp = !consumers.isEmpty();
      for (var consumer : consumers) {
        var lag = consumer.path("lag");
        caughtUp &= lag.isNumber() && lag.asLong() == 0;
      }
      if (caughtUp) {
        log.info(
            "the projector caught up {} ms after the last join",
            (System.nanoTime() - start) / 1_000_000);
        return;
      }
      Thread.sleep(PROJECTED_POLL);
    }
    log.warn("the projector still lags after {}: measuring anyway", PROJECTED_TIMEOUT);
  }

  private static void accept(
      HttpClient http, URI baseUrl, String code, PlatformCalls.Account member) {
    PlatformCalls.expect(
        PlatformCalls.post(
            http, baseUrl.resolve("/api/invites/" + code + "/accept"), member.token(), Map.of()),
        200);
  }

  SystemPlatform platform() {
    return platform;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public URI baseUrl() {
    return platform.baseUrl();
  }

  @Override
  public Sender sender() {
    return sender;
  }

  @Override
  public String streamPath() {
    return "/api/stream";
  }

  @Override
  public List<String> subscriberTokens() {
    return memberTokens;
  }

  @Override
  public void close() {
    platform.close();
  }
}
