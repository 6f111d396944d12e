package io.ohkay.bench.system;

import io.ohkay.bench.target.Sender;
import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Direct messages on the Ohkay platform, {@code system-dm}: one recipient following its stream and
 * {@code conversations} other users, each in their own conversation with it, posting in turn. So a
 * step at {@code conversations} msg/s sends one DM per conversation per second.
 */
public final class SystemDmTarget implements Target {

  /** Sign-ups at once: Argon2id runs one hash per core, more would only queue. */
  private static final int SIGNUP_CONCURRENCY = 4;

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
    var platform = SystemPlatform.start(infrastructure);
    try {
      return prepare(platform, conversations);
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    } catch (InterruptedException e) {
      platform.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SystemDmTarget prepare(SystemPlatform platform, int conversations)
      throws InterruptedException {
    var baseUrl = platform.baseUrl();
    var http = HttpClient.newHttpClient();
    var recipient = PlatformCalls.signup(http, baseUrl, "Recipient");
    List<Future<Sender>> opened = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(SIGNUP_CONCURRENCY)) {
      for (int i = 0; i < conversations; i++) {
        var name = "Sender " + i;
        opened.add(pool.submit(() -> openConversation(http, baseUrl, name, recipient)));
      }
    }
    List<Sender> senders = new ArrayList<>();
    for (var future : opened) {
      try {
        senders.add(future.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("a conversation could not be opened", e.getCause());
      }
    }
    return new SystemDmTarget(platform, recipient.token(), List.copyOf(senders));
  }

  private static Sender openConversation(
      HttpClient http, URI baseUrl, String name, PlatformCalls.Account recipient) {
    var sender = PlatformCalls.signup(http, baseUrl, name);
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
