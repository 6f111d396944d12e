package io.ohkay.command.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) in front of sign-up and sign-in: per client address for both, and per
 * e-mail for sign-in, whether or not an account has it (a refusal tells nothing about which
 * addresses exist). Buckets live in this instance's memory; behind a load balancer each instance
 * limits on its own.
 */
public final class AuthRateLimits {

  private static final int MAX_KEYS = 200_000;

  private final Limiter signupPerIp;
  private final Limiter signinPerIp;
  private final Limiter signinPerAccount;

  /**
   * A limit: {@code capacity} requests at once, refilled at {@code capacity} per {@code period}.
   */
  public record Limit(int capacity, Duration period) {}

  public AuthRateLimits(Limit signupPerIp, Limit signinPerIp, Limit signinPerAccount) {
    this.signupPerIp = new Limiter(signupPerIp);
    this.signinPerIp = new Limiter(signinPerIp);
    this.signinPerAccount = new Limiter(signinPerAccount);
  }

  void signup(String ip) {
    signupPerIp.take(ip, "Too many sign-ups from this address.");
  }

  void signin(String ip, String email) {
    signinPerIp.take(ip, "Too many sign-in attempts from this address.");
    signinPerAccount.take(email, "Too many sign-in attempts for this account.");
  }

  private static final class Limiter {

    private final Limit limit;
    private final Cache<String, Bucket> buckets;

    Limiter(Limit limit) {
      this.limit = limit;
      this.buckets =
          Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(limit.period()).build();
    }

    void take(String key, String detail) {
      var bucket = buckets.get(key, k -> newBucket());
      var probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        throw new ProblemException(
            ErrorCode.RATE_LIMITED, detail, Duration.ofNanos(probe.getNanosToWaitForRefill()));
      }
    }

    private Bucket newBucket() {
      return Bucket.builder()
          .addLimit(
              bandwidth ->
                  bandwidth
                      .capacity(limit.capacity())
                      .refillGreedy(limit.capacity(), limit.period()))
          .build();
    }
  }
}
