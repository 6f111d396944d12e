package io.ohkay.bench.signin;

import io.ohkay.bench.report.HashFloor;
import io.ohkay.bench.report.LatencySummary;
import io.ohkay.command.user.PasswordHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The physical floor of a sign-in: the platform's own {@link PasswordHasher} (same class, same
 * parameters) verifying a password, with nothing else around it.
 */
final class BareHash {

  private final PasswordHasher hasher = new PasswordHasher();
  private final String hash = hasher.hash(AuthClient.PASSWORD);

  /**
   * The hash's algorithm and cost, from its PHC string: {@code argon2id v=19 m=...,t=...,p=...}.
   */
  String parameters() {
    String[] fields = hash.split("\\$");
    return fields.length < 4 ? "unknown" : fields[1] + " " + fields[2] + " " + fields[3];
  }

  /** Times {@code samples} verifications one after the other, after {@code warmups} untimed. */
  LatencySummary singleThread(int warmups, int samples) {
    for (int i = 0; i < warmups; i++) {
      verify();
    }
    var micros = new Histogram(3);
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      verify();
      micros.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
    }
    return LatencySummary.ofMicros(micros);
  }

  /** Verifies on {@code threads} threads at once for {@code window}; the floor's rate. */
  HashFloor floor(LatencySummary singleThread, int threads, Duration window)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long deadline = start + window.toNanos();
      List<Future<Long>> counts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        counts.add(pool.submit(() -> verifyUntil(deadline)));
      }
      long verifications = 0;
      for (Future<Long> count : counts) {
        verifications += count.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new HashFloor(
          parameters(), singleThread, threads, seconds, verifications, verifications / seconds);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a verification failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private long verifyUntil(long deadline) {
    long count = 0;
    while (System.nanoTime() < deadline) {
      verify();
      count++;
    }
    return count;
  }

  private void verify() {
    if (!hasher.matches(AuthClient.PASSWORD, hash)) {
      throw new IllegalStateException("the password does not match its own hash");
    }
  }
}
