package io.ohkay.bench.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * How a system target is set up on a platform just started: its users signed up a few at a time,
 * and the platform stopped again when setting up fails.
 */
final class TargetSetup {

  /** Sign-ups at once: Argon2id runs one hash per core, more would only queue. */
  private static final int SIGNUP_CONCURRENCY = 4;

  private TargetSetup() {}

  /** Sets a target up on a started platform. */
  @FunctionalInterface
  interface Preparation<T> {
    T prepare(SystemPlatform platform) throws InterruptedException;
  }

  /**
   * The target {@code preparation} sets up on {@code platform}; closes the platform if it fails.
   */
  static <T> T onPlatform(SystemPlatform platform, Preparation<T> preparation) {
    try {
      return preparation.prepare(platform);
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    } catch (InterruptedException e) {
      platform.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs up {@code count} users named {@code "<name> <i>"}, {@link #SIGNUP_CONCURRENCY} at a time,
   * each account handed to {@code then} in the same task; returns what {@code then} returned, in
   * the order of {@code i}. Once all have run, the first that failed is thrown as the cause of an
   * {@link IllegalStateException} with {@code failure} as its message.
   */
  static <T> List<T> signUp(
      HttpClient http,
      URI baseUrl,
      String name,
      int count,
      Function<PlatformCalls.Account, T> then,
      String failure)
      throws InterruptedException {
    List<Future<T>> pending = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(SIGNUP_CONCURRENCY)) {
      for (int i = 0; i < count; i++) {
        var displayName = name + " " + i;
        pending.add(
            pool.submit(() -> then.apply(PlatformCalls.signup(http, baseUrl, displayName))));
      }
    }
    List<T> done = new ArrayList<>();
    for (var future : pending) {
      try {
        done.add(future.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException(failure, e.getCause());
      }
    }
    return List.copyOf(done);
  }
}
