package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary infrastructure directories whose owning JVM died without deleting them (killed with
 * {@code SIGKILL}): each holds its owner's pid in {@value #OWNER_FILE}; a directory whose owner is
 * gone is deleted, after stopping a PostgreSQL server still running on it.
 */
final class AbandonedDirectories {

  static final String OWNER_FILE = "owner.pid";
  private static final Logger LOG = LoggerFactory.getLogger(AbandonedDirectories.class);

  private AbandonedDirectories() {}

  /** Marks {@code dir} as owned by this JVM. */
  static void claim(Path dir) throws IOException {
    Files.writeString(
        dir.resolve(OWNER_FILE),
        Long.toString(ProcessHandle.current().pid()),
        StandardCharsets.UTF_8);
  }

  /** Deletes the directories {@code parent/<prefix>*} whose owner is no longer alive. */
  static void deleteAbandoned(Path parent, String prefix) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir) && owner(dir).filter(ProcessHandle::isAlive).isEmpty()) {
          delete(dir);
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not list {}: {}", parent, e.toString());
    }
  }

  private static Optional<ProcessHandle> owner(Path dir) throws IOException {
    Path file = dir.resolve(OWNER_FILE);
    if (!Files.exists(file)) {
      return Optional.of(ProcessHandle.current()); // not claimed (yet): leave it alone
    }
    try {
      return ProcessHandle.of(
          Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void delete(Path dir) {
    try {
      Optional<Postmaster> postmaster = Postmaster.of(dir.resolve("postgres").resolve("pgdata"));
      if (postmaster.isPresent()) {
        postmaster.get().stop();
      }
      SharedInfrastructure.deleteRecursively(dir);
      LOG.info("Deleted {}, left behind by a JVM that was killed", dir);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not delete abandoned {}: {}", dir, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
