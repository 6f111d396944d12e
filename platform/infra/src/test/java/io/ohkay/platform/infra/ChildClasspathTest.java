package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClasspathTest {

  @TempDir Path dir;

  @Test
  void shouldRunChildMainDirectlyWhenClassPathIsPlain() throws IOException {
    Path jar = jar("lib.jar", new Manifest());
    ChildClasspath classpath = ChildClasspath.of(jar + File.pathSeparator + dir.resolve("classes"));

    assertThat(classpath.bootJar()).isFalse();
    assertThat(classpath.mainArguments("kafka.Kafka", List.of("server.properties")))
        .containsExactly(ChildMain.class.getName(), "kafka.Kafka", "server.properties");
  }

  @Test
  void shouldLaunchThroughPropertiesLauncherWhenClassPathIsABootJar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
    ChildClasspath classpath = ChildClasspath.of(jar("app.jar", manifest).toString());

    assertThat(classpath.bootJar()).isTrue();
    assertThat(classpath.mainArguments("kafka.Kafka", List.of("server.properties")))
        .containsExactly(
            "-Dloader.main=" + ChildMain.class.getName(),
            "org.springframework.boot.loader.launch.PropertiesLauncher",
            "kafka.Kafka",
            "server.properties");
  }

  @Test
  void shouldLaunchThroughPropertiesLauncherWhenClassPathIsAnUnpackedBootJar() throws IOException {
    Files.createDirectories(dir.resolve("app/BOOT-INF/lib"));

    assertThat(ChildClasspath.of(dir.resolve("app").toString()).bootJar()).isTrue();
    assertThat(ChildClasspath.of(dir.toString()).bootJar()).isFalse();
  }

  @Test
  void shouldUseAbsolutePathsWhenClassPathIsRelative() {
    ChildClasspath classpath = ChildClasspath.of("target/classes");

    assertThat(classpath.entries())
        .containsExactly(Path.of("target/classes").toAbsolutePath().toString());
  }

  @Test
  void shouldQuoteClassPathWhenWritingArgFile() {
    ChildClasspath classpath = new ChildClasspath(List.of("/a b/x.jar", "/c\"d\\e.jar"), false);

    assertThat(classpath.argFile())
        .isEqualTo("-cp \"/a b/x.jar" + File.pathSeparator + "/c\\\"d\\\\e.jar\"\n");
  }

  private Path jar(String name, Manifest manifest) throws IOException {
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }
}
