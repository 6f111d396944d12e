package io.ohkay.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.db.PostgresEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProjectorCliTest {

  @Test
  void shouldExitWithUsageTroubleWhenRequiredOptionsAreMissing() {
    assertThat(ProjectorCli.run("rebuild", "--target", "x")).isEqualTo(ProjectorCli.TROUBLE);
  }

  @Test
  void shouldExitWithTroubleWhenServerKindLacksAServer() {
    assertThat(ProjectorCli.run("rebuild", "--kind", "server", "--target", "x"))
        .isEqualTo(ProjectorCli.TROUBLE);
  }

  @Test
  void shouldExitWithTroubleWhenKindIsUnknown() {
    assertThat(ProjectorCli.run("rebuild", "--kind", "chats", "--target", "x"))
        .isEqualTo(ProjectorCli.TROUBLE);
  }

  @Test
  void shouldPrintHelpWhenAsked() {
    assertThat(ProjectorCli.run("rebuild", "--help")).isZero();
  }

  @Test
  void shouldPlaceServerDatabasesOnOneClusterMainAtThePostgresServerWhenNoClusterIsGiven() {
    var connections = connections("--pg-host", "db", "--pg-port", "6543", "--pg-user", "admin");

    assertThat(connections.clusterEndpoints())
        .containsExactly(Map.entry("main", new PostgresEndpoint("db", 6543, "admin", "")));
  }

  @Test
  void shouldPlaceServerDatabasesOnlyOnTheGivenClustersWhenSomeAreGiven() {
    var connections =
        connections(
            "--pg-user",
            "admin",
            "--pg-password",
            "pw",
            "--cluster",
            "eu=db-eu:5433",
            "--cluster",
            "us=db-us:5434");

    assertThat(connections.clusterEndpoints())
        .containsExactly(
            Map.entry("eu", new PostgresEndpoint("db-eu", 5433, "admin", "pw")),
            Map.entry("us", new PostgresEndpoint("db-us", 5434, "admin", "pw")));
  }

  private static ProjectorCli.Connections connections(String... args) {
    var connections = new ProjectorCli.Connections();
    new CommandLine(connections).parseArgs(args);
    return connections;
  }
}
