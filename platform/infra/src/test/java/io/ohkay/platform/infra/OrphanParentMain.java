package io.ohkay.platform.infra;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent JVM for {@link ChildCleanupIT}: starts a child (a sleeping JVM, or PostgreSQL), prints
 * the process ids to standard output, then waits to be killed; or exits with shutdown hooks.
 */
final class OrphanParentMain {

  private OrphanParentMain() {}

  public static void main(String[] args) throws InterruptedException, SQLException {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "jvm" -> {
        ChildJvm child = ChildJvm.start(sleeper(dir), ChildClasspath.ofThisJvm());
        System.out.println("pids " + child.pid());
      }
      case "postgres" -> {
        EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(dir, 0, PostgresSettings.FAST);
        postgres.createDatabaseIfAbsent("survivor");
        System.out.println("pids " + postgres.pid() + " " + postgres.reaperPid().orElseThrow());
      }
      case "exit" -> exitWithHooks();
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** An application hook that takes a while, registered after ours; ours must still run last. */
  private static void exitWithHooks() {
    ShutdownHooks.addLast("infra", () -> System.out.println("infrastructure stopped"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(OrphanParentMain::closeApplication, "SpringApplicationShutdownHook"));
    System.exit(0);
  }

  private static void closeApplication() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.println("application closed");
  }

  static ChildJvm.Spec sleeper(Path dir) {
    return new ChildJvm.Spec(
        "sleeper",
        dir,
        dir.resolve("sleeper.args"),
        dir.resolve("sleeper.log"),
        List.of("-Xmx32m"),
        SleepingMain.class.getName(),
        List.of());
  }

  /** A child that would sleep forever if nothing ended it. */
  static final class SleepingMain {

    private SleepingMain() {}

    public static void main(String[] args) throws InterruptedException {
      new CountDownLatch(1).await();
    }
  }
}
