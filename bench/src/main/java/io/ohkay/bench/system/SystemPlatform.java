package io.ohkay.bench.system;

import io.ohkay.bench.target.AccountsTarget;
import io.ohkay.command.CommandApiProperties;
import io.ohkay.platform.PlatformApplication;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.platform.infra.SharedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application context (decider, projector, edge) started in-process on the bench's
 * embedded Kafka and PostgreSQL, in a namespace of its own. The sign-up and sign-in rate limits are
 * raised out of the way: all the bench's load comes from 127.0.0.1.
 */
public final class SystemPlatform implements AccountsTarget {

  /** Requests per limit period, per address and per account: never reached by the bench. */
  private static final int UNLIMITED = 100_000_000;

  private static final List<String> RATE_LIMITS =
      List.of("signup-per-ip", "signin-per-ip", "signin-per-account");

  private final ConfigurableApplicationContext context;
  private final URI baseUrl;
  private final String databasePrefix;

  private SystemPlatform(ConfigurableApplicationContext context) {
    this.context = context;
    this.baseUrl =
        URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    this.databasePrefix =
        Objects.requireNonNull(context.getEnvironment().getProperty("ohkay.database-prefix"));
  }

  /** Starts the platform on {@code infrastructure}; returns once its HTTP port is open. */
  public static SystemPlatform start(EmbeddedInfrastructure infrastructure) {
    return start(infrastructure, List.of());
  }

  /**
   * Starts the platform on {@code infrastructure} with {@code properties} ({@code
   * --ohkay.edge.resume-memory-records=0}) added to, or overriding, the bench's own.
   */
  public static SystemPlatform start(
      EmbeddedInfrastructure infrastructure, List<String> properties) {
    var args = args(infrastructure);
    args.addAll(properties);
    return new SystemPlatform(
        new SpringApplication(PlatformApplication.class).run(args.toArray(String[]::new)));
  }

  private static List<String> args(EmbeddedInfrastructure infra) {
    var namespace = SharedInfrastructure.uniqueName("bench");
    var postgres = infra.postgres();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--ohkay.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers());
    args.add("--ohkay.postgres.host=" + postgres.host());
    args.add("--ohkay.postgres.port=" + postgres.port());
    args.add("--ohkay.postgres.username=" + postgres.username());
    args.add("--ohkay.postgres.password=" + postgres.password());
    args.add("--ohkay.topic-prefix=" + namespace + ".");
    args.add("--ohkay.database-prefix=" + namespace + "_");
    args.add("--ohkay.data-dir=" + dataDir());
    for (String limit : RATE_LIMITS) {
      args.add("--ohkay.command-api.rate-limits." + limit + ".capacity=" + UNLIMITED);
      args.add("--ohkay.command-api.rate-limits." + limit + ".period=1m");
    }
    return args;
  }

  private static String dataDir() {
    try {
      return Files.createTempDirectory("ohkay-bench-system").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  /** The command API's settings, as bound: its topics' prefix, Kafka, the commit interval. */
  CommandApiProperties commandApi() {
    return context.getBean(CommandApiProperties.class);
  }

  /** The namespace of this platform's databases ({@code ohkay.database-prefix}). */
  String databasePrefix() {
    return databasePrefix;
  }

  @Override
  public void close() {
    context.close();
  }
}
