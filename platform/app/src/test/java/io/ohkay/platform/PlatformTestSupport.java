package io.ohkay.platform;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a platform test context at the shared embedded infrastructure, in its own namespace. */
final class PlatformTestSupport {

  private PlatformTestSupport() {}

  /** Registers the infrastructure and a fresh topic/database namespace {@code namespace}. */
  static void register(DynamicPropertyRegistry registry, String namespace) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("ohkay-" + namespace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    settings(namespace, dataDir.toString()).forEach((key, value) -> registry.add(key, () -> value));
    // Every test client signs up and in from 127.0.0.1; the per-account limit stays the default.
    for (var limit : new String[] {"signup-per-ip", "signin-per-ip"}) {
      registry.add("ohkay.command-api.rate-limits." + limit + ".capacity", () -> 1_000_000);
      registry.add("ohkay.command-api.rate-limits." + limit + ".period", () -> "1m");
    }
  }

  /**
   * The settings of an application on the shared infrastructure in namespace {@code namespace} with
   * its data (key files) in {@code dataDir}, on a free port, shutting down at once; in order, for
   * adding to.
   */
  static LinkedHashMap<String, Object> settings(String namespace, String dataDir) {
    var infra = SharedInfrastructure.get();
    var settings = new LinkedHashMap<String, Object>();
    settings.put("ohkay.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
    settings.put("ohkay.postgres.host", infra.postgres().host());
    settings.put("ohkay.postgres.port", infra.postgres().port());
    settings.put("ohkay.postgres.username", infra.postgres().username());
    settings.put("ohkay.postgres.password", infra.postgres().password());
    settings.put("ohkay.topic-prefix", namespace + ".");
    settings.put("ohkay.database-prefix", namespace + "_");
    settings.put("ohkay.data-dir", dataDir);
    settings.put("server.port", 0);
    settings.put("server.shutdown", "immediate");
    // Cached contexts close one after the other when the JVM exits; netty's default 2 s of quiet
    // per context would outlast the 30 s surefire gives the fork to exit.
    settings.put("spring.reactor.netty.shutdown-quiet-period", "0s");
    return settings;
  }
}
