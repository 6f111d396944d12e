package io.ohkay.bench.system;

import io.ohkay.bench.target.Sender;
import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/**
 * Direct messages on the Ohkay platform, {@code system-dm}: one recipient following its stream and
 * {@code conversations} other users, each in their own conversation with it, posting in turn. So a
 * step at {@code conversations} msg/s sends one DM per conversation per second.
 */
public final class SystemDmTarget implements Target {

  private final SystemPlatform platform;
  private final String recipientToken;
  private final List<Sender> senders;

  private SystemDmTarget(SystemPlatform platform, String recipientToken, List<Sender> senders) {
    this.platform = platform;
    this.recipientToken = recipientToken;
    this.senders = senders;
  }

  /**
   * Starts the platform on {@code infrastructure} and opens {@code conversations} conversations.
   */
  public static SystemDmTarget start(EmbeddedInfrastructure infrastructure, int conversations) {
    return TargetSetup.onPlatform(
        SystemPlatform.start(infrastructure), platform -> prepare(platform, conversations));
  }

  private static SystemDmTarget prepare(SystemPlatform platform, int conversations)
      throws InterruptedException {
    var baseUrl = platform.baseUrl();
    var http = HttpClient.newHttpClient();
    var recipient = PlatformCalls.signup(http, baseUrl, "Recipient");
    var senders =
        TargetSetup.signUp(
            http,
            baseUrl,
            "Sender",
            conversations,
            sender -> openConversation(http, baseUrl, sender, recipient),
            "a conversation could not be opened");
    return new SystemDmTarget(platform, recipient.token(), senders);
  }

  private static Sender openConversation(
      HttpClient http, URI baseUrl, PlatformCalls.Account sender, PlatformCalls.Account recipient) {
    var conversation =
        PlatformCalls.read(
                PlatformCalls.call(
                    http, baseUrl.resolve("/api/dms/" + recipient.id()), sender.token(), Map.of()))
            .get("id")
            .asString();
    return new Sender("/api/dms/" + conversation + "/messages", sender.token());
  }

  @Override
  public String name() {
    return "system-dm";
  }

  @Override
  public URI baseUrl() {
    return platform.baseUrl();
  }

  /** The recipient's token: the stream followed is theirs. */
  @Override
  public String bearerToken() {
    return recipientToken;
  }

  @Override
  public List<Sender> senders() {
    return senders;
  }

  @Override
  public String streamPath() {
    return "/api/stream";
  }

  @Override
  public void close() {
    platform.close();
  }
}
