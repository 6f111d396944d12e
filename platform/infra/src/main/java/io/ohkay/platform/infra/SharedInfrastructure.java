package io.ohkay.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded infrastructure per test JVM, shared by every test: started on first use on free
 * ports in a temporary directory, stopped and deleted when the JVM exits. Tests isolate themselves
 * with {@link #uniqueName(String)} prefixes for topics, groups and databases. Directories left
 * behind by test JVMs that were killed are deleted on the next start.
 */
public final class SharedInfrastructure {

  private static final Logger LOG = LoggerFactory.getLogger(SharedInfrastructure.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9_]{0,10}");
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RANDOM_CHARS = 4;
  private static final String TEMP_PREFIX = "ohkay-infra-";

  private static @Nullable EmbeddedInfrastructure instance;
  private static @Nullable RuntimeException startFailure;

  private SharedInfrastructure() {}

  /**
   * The shared infrastructure, started by the first call. Its {@code close()} does nothing: it
   * stops when the JVM exits.
   *
   * @return the running infrastructure
   * @throws IllegalStateException if it did not start (then every later call throws as well)
   */
  public static synchronized EmbeddedInfrastructure get() {
    if (startFailure != null) {
      throw new IllegalStateException(
          "The shared embedded infrastructure failed to start", startFailure);
    }
    if (instance == null) {
      instance = startShared();
    }
    return instance;
  }

  private static EmbeddedInfrastructure startShared() {
    try {
      Path dir = Files.createTempDirectory(TEMP_PREFIX);
      AbandonedDirectories.claim(dir);
      AbandonedDirectories.deleteAbandoned(dir.getParent(), TEMP_PREFIX);
      EmbeddedInfrastructure infrastructure =
          EmbeddedInfrastructure.start(dir, 0, 0, PostgresSettings.FAST, true);
      ShutdownHooks.addLast("ohkay-shared-infra-shutdown", () -> stopAndDelete(infrastructure));
      return infrastructure;
    } catch (IOException e) {
      startFailure =
          new UncheckedIOException("No temporary directory for the shared infrastructure", e);
      throw startFailure;
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    }
  }

  private static void stopAndDelete(EmbeddedInfrastructure infrastructure) {
    infrastructure.stop();
    try {
      deleteRecursively(infrastructure.dataDir());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", infrastructure.dataDir(), e.toString());
    }
  }

  /**
   * A short name unique in this JVM and unlikely elsewhere: {@code prefix}, a counter and random
   * characters in base 36, then {@code _}, e.g. {@code t1k3f9_}. Only {@code [a-z0-9_]}, at most 20
   * characters: usable as a topic prefix, a consumer group, a database prefix or database name.
   *
   * @param prefix at most 10 characters of {@code [a-z0-9_]}, e.g. {@code "t"}
   * @return the unique name
   */
  public static String uniqueName(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("The prefix must match [a-z0-9_]{0,10}: '" + prefix + "'");
    }
    StringBuilder name =
        new StringBuilder(prefix).append(Long.toString(COUNTER.incrementAndGet(), 36));
    for (int i = 0; i < RANDOM_CHARS; i++) {
      name.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return name.append('_').toString();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException e)
              throws IOException {
            Files.deleteIfExists(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
