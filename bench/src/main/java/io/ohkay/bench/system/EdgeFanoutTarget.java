package io.ohkay.bench.system;

import io.ohkay.bench.load.Poster;
import io.ohkay.bench.target.FanoutTarget;
import io.ohkay.bench.target.Sender;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import reactor.netty.resources.LoopResources;

/**
 * The platform's edge as a fan-out target: the platform, server, members and subscribers of {@link
 * SystemFanoutTarget}, but the bench plays the decider's part, writing each message to the server
 * events topic as the decider would have decided it ({@link EventTopicPoster}: the same event, in
 * transactions of the same commit interval). The projector stores every message meanwhile, as it
 * would. What this measures is the edge's fan-out from the events topic, without the HTTP write
 * path before it (the command API, the command topic, the decider), which {@code system} measures
 * with it and the {@code e2e} scenario on its own.
 */
public final class EdgeFanoutTarget implements FanoutTarget {

  private final SystemFanoutTarget system;
  private final long lastSeq;

  private EdgeFanoutTarget(SystemFanoutTarget system, long lastSeq) {
    this.system = system;
    this.lastSeq = lastSeq;
  }

  /**
   * Starts the platform with {@code members} members, then posts one message through the command
   * API: its seq is the server's last before the bench writes the next ones.
   */
  public static EdgeFanoutTarget start(EmbeddedInfrastructure infrastructure, int members) {
    var system = SystemFanoutTarget.start(infrastructure, members);
    try {
      var sender = system.sender();
      var posted =
          PlatformCalls.read(
              PlatformCalls.call(
                  HttpClient.newHttpClient(),
                  system.baseUrl().resolve(sender.path()),
                  sender.bearerToken(),
                  Map.of("content", "the last message posted through the command API")));
      return new EdgeFanoutTarget(system, posted.get("seq").asLong());
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "edge";
  }

  @Override
  public URI baseUrl() {
    return system.baseUrl();
  }

  @Override
  public Sender sender() {
    return system.sender();
  }

  @Override
  public Poster poster(LoopResources loops) {
    var settings = system.platform().commandApi();
    var channel = system.channel();
    return new EventTopicPoster(
        settings.bootstrapServers(),
        Topics.SERVER_EVENTS.in(settings.topicPrefix()),
        channel.serverId(),
        channel.channelId(),
        channel.ownerId(),
        lastSeq,
        settings.commitInterval());
  }

  @Override
  public String streamPath() {
    return system.streamPath();
  }

  @Override
  public List<String> subscriberTokens() {
    return system.subscriberTokens();
  }

  @Override
  public void close() {
    system.close();
  }
}
