package io.ohkay.platform;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a platform test context at the shared embedded infrastructure, in its own namespace. */
final class PlatformTestSupport {

  private PlatformTestSupport() {}

  /** Registers the infrastructure and a fresh topic/database namespace {@code namespace}. */
  static void register(DynamicPropertyRegistry registry, String namespace) {
    var infra = SharedInfrastructure.get();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("ohkay-" + namespace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("ohkay.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
    registry.add("ohkay.postgres.host", () -> infra.postgres().host());
    registry.add("ohkay.postgres.port", () -> infra.postgres().port());
    registry.add("ohkay.postgres.username", () -> infra.postgres().username());
    registry.add("ohkay.postgres.password", () -> infra.postgres().password());
    registry.add("ohkay.topic-prefix", () -> namespace + ".");
    registry.add("ohkay.database-prefix", () -> namespace + "_");
    registry.add("ohkay.data-dir", dataDir::toString);
    registry.add("server.shutdown", () -> "immediate");
    // Every test client signs up and in from 127.0.0.1; the per-account limit stays the default.
    for (var limit : new String[] {"signup-per-ip", "signin-per-ip"}) {
      registry.add("ohkay.command-api.rate-limits." + limit + ".capacity", () -> 1_000_000);
      registry.add("ohkay.command-api.rate-limits." + limit + ".period", () -> "1m");
    }
  }
}
