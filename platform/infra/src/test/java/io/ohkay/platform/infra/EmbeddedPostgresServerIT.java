package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

  @TempDir Path dir;

  @Test
  void shouldKeepDataWhenRestartedOnSameDirectory() throws Exception {
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0)) {
      postgres.createDatabaseIfAbsent("kept");
      execute(postgres, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('still here')");
    }
    long initdbRuns = initdbRuns();

    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0)) {
      try (Connection connection = postgres.connect("kept");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT body FROM notes")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("still here");
      }
    }
    assertThat(initdbRuns()).as("initdb ran once").isEqualTo(initdbRuns).isEqualTo(1);
  }

  @Test
  void shouldLeaveNoServerRunningWhenClosed() throws Exception {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0, PostgresSettings.FAST);
    ProcessHandle postmaster = ProcessHandle.of(postgres.pid()).orElseThrow();
    ProcessHandle reaper = ProcessHandle.of(postgres.reaperPid().orElseThrow()).orElseThrow();

    postgres.close();

    assertThat(postmaster.isAlive()).isFalse();
    assertThat(Files.exists(dir.resolve("pgdata/postmaster.pid"))).isFalse();
    assertThat(reaper.onExit()).succeedsWithin(java.time.Duration.ofSeconds(5));
  }

  private void execute(EmbeddedPostgresServer postgres, String sql) throws SQLException {
    try (Connection connection = postgres.connect("kept");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** initdb writes "Success." and the pg_ctl hint into the server log each time it runs. */
  private long initdbRuns() throws Exception {
    try (var lines = Files.lines(dir.resolve("postgres.log"))) {
      return lines
          .filter(line -> line.contains("Success. You can now start the database server"))
          .count();
    }
  }
}
