package io.ohkay.bench.signin;

import io.ohkay.bench.report.SigninSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Creates the accounts the sign-ins go to, a bounded number of sign-ups in flight at once, then
 * waits until the projection lets them sign in (sign-in reads the password hash from PostgreSQL).
 */
final class SignupPhase {

  private static final Duration SIGNUP_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration READY_POLL = Duration.ofMillis(200);

  private final AuthClient client;
  private final SigninSettings settings;
  private final IntFunction<String> emails;

  SignupPhase(AuthClient client, SigninSettings settings, IntFunction<String> emails) {
    this.client = client;
    this.settings = settings;
    this.emails = emails;
  }

  /** Signs every account up; returns how many seconds that took. */
  double signUpAll() {
    long start = System.nanoTime();
    List<AuthClient.Reply> refused =
        Flux.range(0, settings.accounts())
            .flatMap(
                i -> client.signup(emails.apply(i), "Bench " + i), settings.signupConcurrency())
            .filter(reply -> reply.status() != 201)
            .collectList()
            .block(SIGNUP_TIMEOUT);
    if (refused == null || !refused.isEmpty()) {
      throw new IllegalStateException(
          refused == null
              ? "the sign-ups timed out"
              : refused.size() + " sign-ups refused, the first: " + describe(refused.getFirst()));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Waits until the first and the last account can sign in. */
  void awaitSigninReady() throws InterruptedException {
    awaitSignin(emails.apply(0));
    awaitSignin(emails.apply(settings.accounts() - 1));
  }

  private void awaitSignin(String email) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    AuthClient.@Nullable Reply last = null;
    while (System.nanoTime() < deadline) {
      last = client.signin(email).block(READY_TIMEOUT);
      if (last != null && last.status() == 200) {
        return;
      }
      if (last != null && last.status() != 401) {
        break;
      }
      Thread.sleep(READY_POLL);
    }
    throw new IllegalStateException("a signed-up account cannot sign in: " + describe(last));
  }

  private static String describe(AuthClient.@Nullable Reply reply) {
    return reply == null ? "no answer" : "HTTP " + reply.status() + " " + reply.body();
  }
}
