package io.ohkay.bench;

import io.ohkay.bench.load.ForeignCpu;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The embedded Kafka broker and PostgreSQL the targets run on, started on first use with the
 * platform's durable settings (every commit flushed, as in production) in a temporary directory
 * deleted on close.
 */
final class BenchInfrastructure implements AutoCloseable {

  private @Nullable EmbeddedInfrastructure infrastructure;
  private @Nullable Path directory;

  synchronized EmbeddedInfrastructure get() {
    if (infrastructure == null) {
      try {
        directory = Files.createTempDirectory("ohkay-bench-");
      } catch (IOException e) {
        throw new UncheckedIOException("no temporary directory for the infrastructure", e);
      }
      // PostgreSQL daemonizes out of this JVM's process tree: its CPU is the bench's all the same.
      ForeignCpu.adopt(directory.toString());
      infrastructure = EmbeddedInfrastructure.start(directory, 0, 0);
    }
    return infrastructure;
  }

  @Override
  public synchronized void close() throws IOException {
    if (infrastructure != null) {
      infrastructure.close();
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
