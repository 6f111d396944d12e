package io.ohkay.platform.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where a child JVM finds our classes: the parent's own class path, passed on as is, or, when the
 * parent runs from a Spring Boot executable jar (one jar with {@code BOOT-INF/lib}, or that jar
 * unpacked), that jar launched through Spring Boot's {@code PropertiesLauncher} with {@code
 * loader.main} set: the launcher finds our classes in {@code BOOT-INF/lib} as the parent's did.
 *
 * @param entries the absolute class path entries
 * @param bootJar whether the single entry is a Spring Boot executable jar (or an unpacked one)
 */
record ChildClasspath(List<String> entries, boolean bootJar) {

  static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

  ChildClasspath {
    entries = List.copyOf(entries);
  }

  /** The class path of this JVM. */
  static ChildClasspath ofThisJvm() {
    return of(System.getProperty("java.class.path", ""));
  }

  static ChildClasspath of(String classPath) {
    List<String> entries =
        Arrays.stream(classPath.split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .toList();
    boolean bootJar = entries.size() == 1 && isBootJar(Path.of(entries.getFirst()));
    return new ChildClasspath(entries, bootJar);
  }

  /** The {@code java} arguments after the JVM options: launcher, {@link ChildMain}, real main. */
  List<String> mainArguments(String realMain, List<String> args) {
    List<String> arguments = new ArrayList<>();
    if (bootJar) {
      arguments.add("-Dloader.main=" + ChildMain.class.getName());
      arguments.add(BOOT_LAUNCHER);
    } else {
      arguments.add(ChildMain.class.getName());
    }
    arguments.add(realMain);
    arguments.addAll(args);
    return arguments;
  }

  /**
   * The {@code -cp} option as a {@code java @argfile}: a long class path as a plain argument could
   * exceed the operating system's limit on one argument.
   */
  String argFile() {
    String joined = String.join(File.pathSeparator, entries);
    return "-cp \"" + joined.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
  }

  /** A Spring Boot executable jar, or such a jar unpacked into a directory. */
  static boolean isBootJar(Path jar) {
    if (Files.isDirectory(jar)) {
      return Files.isDirectory(jar.resolve("BOOT-INF").resolve("lib"));
    }
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      boolean declared =
          manifest != null && manifest.getMainAttributes().getValue("Spring-Boot-Lib") != null;
      return declared || file.getEntry("BOOT-INF/lib/") != null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + jar, e);
    }
  }
}
