package io.ohkay.projector.rebuild;

import io.ohkay.projector.db.PostgresEndpoint;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ohkay-projector rebuild|verify}: the operator's command line. Exit status as diff(1): 0
 * done and equal, 1 databases differ, 2 trouble (bad usage or a failure).
 */
@Command(
    name = "ohkay-projector",
    mixinStandardHelpOptions = true,
    description = "Rebuilds projected databases from the events topics and verifies them.",
    subcommands = {ProjectorCli.Rebuild.class, ProjectorCli.Verify.class})
public final class ProjectorCli {

  static final int EQUAL = 0;
  static final int DIFFERENT = 1;
  static final int TROUBLE = 2;

  private static final Pattern CLUSTER = Pattern.compile("([^=]+)=(.+):(\\d{1,5})");

  /** Runs the command line and exits with its status; logs progress to standard error. */
  public static void main(String[] args) {
    System.setProperty("logback.configurationFile", "ohkay-projector-cli-logback.xml");
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String... args) {
    return new CommandLine(new ProjectorCli())
        .setExecutionExceptionHandler(
            (e, commandLine, parsed) -> {
              commandLine.getErr().println("ohkay-projector: " + e);
              return TROUBLE;
            })
        .execute(args);
  }

  /** Where the topics and databases are. */
  static final class Connections {
    @Option(
        names = "--bootstrap-servers",
        defaultValue = "localhost:9092",
        description = "Kafka bootstrap servers.")
    String bootstrapServers = "localhost:9092";

    @Option(names = "--topic-prefix", defaultValue = "", description = "Topic namespace.")
    String topicPrefix = "";

    @Option(
        names = "--database-prefix",
        defaultValue = "ohkay_",
        description = "Database namespace of the live databases.")
    String databasePrefix = "ohkay_";

    @Option(names = "--pg-host", defaultValue = "127.0.0.1", description = "PostgreSQL host.")
    String host = "127.0.0.1";

    @Option(names = "--pg-port", defaultValue = "5432", description = "PostgreSQL port.")
    int port = 5432;

    @Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user.")
    String username = "postgres";

    @Option(names = "--pg-password", defaultValue = "", description = "PostgreSQL password.")
    String password = "";

    @Option(
        names = "--cluster",
        description =
            "A cluster of server databases, NAME=HOST:PORT, logged in as --pg-user; repeatable."
                + " None: one cluster main at --pg-host:--pg-port.")
    List<String> clusters = new ArrayList<>();

    @Option(
        names = "--placement-key-file",
        description = "The installation's placement key (needed to rebuild the registry).")
    @Nullable Path placementKeyFile;

    PostgresEndpoint postgres() {
      return new PostgresEndpoint(host, port, username, password);
    }

    Map<String, PostgresEndpoint> clusterEndpoints() {
      var endpoints = new LinkedHashMap<String, PostgresEndpoint>();
      for (var cluster : clusters) {
        var matcher = CLUSTER.matcher(cluster);
        if (!matcher.matches()) {
          throw new IllegalArgumentException("--cluster must be NAME=HOST:PORT, was " + cluster);
        }
        endpoints.put(
            matcher.group(1),
            new PostgresEndpoint(
                matcher.group(2), Integer.parseInt(matcher.group(3)), username, password));
      }
      return PostgresEndpoint.clusters(postgres(), endpoints);
    }

    /** The existing key: a rebuild sealing credentials under a new one would seal them wrongly. */
    ServerCredentials credentials(RebuildKind kind) {
      if (placementKeyFile != null && Files.exists(placementKeyFile)) {
        return ServerCredentials.loadOrGenerate(placementKeyFile);
      }
      if (kind == RebuildKind.REGISTRY) {
        throw new IllegalArgumentException(
            "rebuilding the registry needs --placement-key-file, an existing key");
      }
      // Nothing is sealed by other rebuilds: any key does.
      var unused = new byte[32];
      new SecureRandom().nextBytes(unused);
      return ServerCredentials.of(unused);
    }
  }

  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      description = "Replays an events topic into a fresh database, optionally verifying it.")
  static final class Rebuild implements Callable<Integer> {
    @Mixin Connections connections = new Connections();

    @Spec CommandLine.Model.@Nullable CommandSpec spec;

    @Option(names = "--kind", required = true, description = "auth, registry, server or dms.")
    String kind = "";

    @Option(names = "--server", description = "The server id (kind server).")
    @Nullable String server;

    @Option(names = "--target", required = true, description = "The database to fill.")
    String target = "";

    @Option(names = "--until-offset", description = "Replay only records below this offset.")
    @Nullable Long untilOffset;

    @Option(
        names = "--until-time",
        description = "Replay only records up to this ISO-8601 instant.")
    @Nullable Instant untilTime;

    @Option(names = "--verify", description = "Compare the result with the live database.")
    boolean verify;

    @Override
    public Integer call() throws Exception {
      var request =
          new RebuildRequest(
              RebuildKind.valueOf(kind.toUpperCase(Locale.ROOT)),
              server == null ? null : ServerId.parse(server),
              target,
              untilOffset,
              untilTime);
      var rebuilder =
          new Rebuilder(
              connections.bootstrapServers,
              connections.topicPrefix,
              new DatabaseNames(connections.databasePrefix),
              connections.postgres(),
              connections.clusterEndpoints(),
              connections.credentials(request.kind()));
      var result = rebuilder.rebuild(request);
      var out = out(spec);
      out.printf(
          "rebuilt %s: %d records (%d undecodable) in %s%n",
          result.targetDatabase(), result.records(), result.undecodable(), result.took());
      if (!verify) {
        return EQUAL;
      }
      var live = rebuilder.liveDatabase(request);
      return report(out, rebuilder.verify(request), live);
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Compares two databases table by table and prints the differences.")
  static final class Verify implements Callable<Integer> {
    @Mixin Connections connections = new Connections();

    @Spec CommandLine.Model.@Nullable CommandSpec spec;

    @Option(names = "--left", required = true, description = "The first database.")
    String left = "";

    @Option(names = "--right", required = true, description = "The second database.")
    String right = "";

    @Override
    public Integer call() throws Exception {
      var differences = new DatabaseVerifier(connections.postgres()).diff(left, right);
      return report(out(spec), differences, left + " and " + right);
    }
  }

  private static int report(PrintWriter out, List<String> differences, String what) {
    if (differences.isEmpty()) {
      out.println("equal: " + what);
      return EQUAL;
    }
    differences.forEach(out::println);
    return DIFFERENT;
  }

  private static PrintWriter out(CommandLine.Model.@Nullable CommandSpec spec) {
    if (spec == null) {
      throw new IllegalStateException("picocli injects the spec");
    }
    return spec.commandLine().getOut();
  }
}
