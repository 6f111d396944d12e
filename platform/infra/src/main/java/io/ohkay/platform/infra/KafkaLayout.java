package io.ohkay.platform.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * The embedded broker's directory: {@code data/} (its log directory), {@code logs/} (its own logs
 * and standard output), {@code config/} (files written at every start) and {@code cluster.id}.
 *
 * @param root the directory
 */
record KafkaLayout(Path root) {

  private static final List<String> COMMON_JVM =
      List.of("-XX:-UsePerfData", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");

  Path data() {
    return root.resolve("data");
  }

  Path config() {
    return root.resolve("config");
  }

  Path stdout() {
    return root.resolve("logs").resolve("stdout.log");
  }

  ChildLogging logging() {
    return new ChildLogging(config(), root.resolve("logs"), "server");
  }

  /** Whether the log directory was formatted (a restart must not format it again). */
  boolean isFormatted() {
    return Files.exists(data().resolve("meta.properties"));
  }

  /** The cluster id, created once and kept. */
  String clusterId() throws IOException {
    Path file = root.resolve("cluster.id");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    String id = Uuid.randomUuid().toString();
    Files.createDirectories(root);
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }

  /** Writes {@code config/server.properties} for this start. */
  Path writeServerProperties(int port, int controllerPort) throws IOException {
    Path file = config().resolve("server.properties");
    Files.createDirectories(config());
    KafkaServerConfig config = new KafkaServerConfig(port, controllerPort, data());
    Files.writeString(file, config.fileContent(), StandardCharsets.UTF_8);
    return file;
  }

  /** A child JVM running {@code main} in this directory, its output into {@link #stdout()}. */
  ChildJvm.Spec child(String name, List<String> jvmOptions, String main, List<String> args) {
    List<String> options = new ArrayList<>(COMMON_JVM);
    options.addAll(jvmOptions);
    return new ChildJvm.Spec(
        name, root, config().resolve(name + ".args"), stdout(), options, main, args);
  }
}
