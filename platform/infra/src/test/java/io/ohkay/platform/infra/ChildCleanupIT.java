package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Children never outlive a parent that is killed with {@code SIGKILL} (no shutdown hooks run). */
class ChildCleanupIT {

  private final List<ProcessHandle> started = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void killLeftovers() {
    started.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void shouldEndChildJvmWhenParentIsKilled() throws Exception {
    Process parent = startParent("jvm");
    ProcessHandle child = handle(pids(parent)[0]);
    assertThat(child.isAlive()).isTrue();

    parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
  }

  @Test
  void shouldLeaveChildJvmToTheParentWhenATerminalInterruptsTheirProcessGroup() throws Exception {
    ChildJvm child = ChildJvm.start(OrphanParentMain.sleeper(dir), ChildClasspath.ofThisJvm());
    started.add(handle(child.pid()));
    assertThat(handle(child.pid()).info().command()).hasValueSatisfying(c -> c.endsWith("java"));

    var interrupt = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
    assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupt.exitValue()).isZero();

    assertThat(child.awaitExit(Duration.ofSeconds(2))).as("exit status after SIGINT").isEmpty();
    child.stop(Duration.ofSeconds(10));
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void shouldStopPostgresWhenParentIsKilled() throws Exception {
    Process parent = startParent("postgres");
    ProcessHandle postmaster = handle(pids(parent)[0]);
    assertThat(postmaster.isAlive()).isTrue();

    parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(20)).until(() -> !postmaster.isAlive());
    assertThat(Files.exists(dir.resolve("pgdata/postmaster.pid"))).isFalse();
  }

  @Test
  void shouldStopStalePostmasterAndKeepDataWhenStartingAfterACrash() throws Exception {
    Process parent = startParent("postgres");
    long[] pids = pids(parent);
    ProcessHandle postmaster = handle(pids[0]);
    handle(pids[1]).destroyForcibly();
    parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(postmaster.isAlive()).as("postgres left running by the crash").isTrue();

    try (EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(dir, 0, PostgresSettings.FAST);
        Connection connection = postgres.connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT datname FROM pg_database WHERE datname = 'survivor'")) {
      assertThat(postmaster.isAlive()).isFalse();
      assertThat(rows.next()).isTrue();
    }
  }

  @Test
  void shouldStopInfrastructureAfterApplicationHooksWhenJvmExits() throws Exception {
    Process parent = startParent("exit");

    assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output.lines().filter(line -> !line.contains(" INFO ")))
        .containsExactly("application closed", "infrastructure stopped");
  }

  private Process startParent(String mode) throws Exception {
    Path argFile = dir.resolve("parent.args");
    Files.writeString(argFile, ChildClasspath.ofThisJvm().argFile());
    Process parent =
        new ProcessBuilder(
                ChildJvm.javaBinary(),
                "@" + argFile,
                "-Xmx128m",
                OrphanParentMain.class.getName(),
                mode,
                dir.toString())
            .redirectError(dir.resolve("parent.err").toFile())
            .start();
    started.add(parent.toHandle());
    return parent;
  }

  private long[] pids(Process parent) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
    assertThat(line).as("parent output, see %s", dir.resolve("parent.err")).startsWith("pids ");
    long[] pids = Arrays.stream(line.substring(5).split(" ")).mapToLong(Long::parseLong).toArray();
    Arrays.stream(pids).forEach(pid -> started.add(handle(pid)));
    return pids;
  }

  /** The parent's line with the process ids; its other output is logs. */
  private static String readLine(BufferedReader reader) {
    try {
      String line = reader.readLine();
      while (line != null && !line.startsWith("pids ")) {
        line = reader.readLine();
      }
      return line == null ? "(end of output)" : line;
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static ProcessHandle handle(long pid) {
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("No process " + pid));
  }
}
