package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Waits until no broker holds the log directory's {@code .lock}: after a crash of this JVM, the
 * previous broker child may still be shutting down when we start again.
 */
final class KafkaLogDirLock {

  private KafkaLogDirLock() {}

  static void awaitFree(Path logDir, Duration timeout) throws IOException, InterruptedException {
    Path lockFile = logDir.resolve(".lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!isFree(lockFile)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Another Kafka broker still uses " + logDir + " (its .lock is held)");
      }
      Thread.sleep(200);
    }
  }

  private static boolean isFree(Path lockFile) throws IOException {
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }
}
