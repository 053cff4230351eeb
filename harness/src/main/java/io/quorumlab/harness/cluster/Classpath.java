package io.quorumlab.harness.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath a node process or image is started with: the running JVM's own. From the CLI that
 * is the fat jar; in tests it is the module's test classpath. A manifest-only launcher jar (as some
 * test runners use) is expanded to the entries it names, so that they can be copied into an image.
 */
public final class Classpath {
  private Classpath() {}

  public static List<String> current() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isBlank()) entries.add(Path.of(e).toAbsolutePath().toString());
    }
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      List<String> named = manifestClassPath(Path.of(entries.get(0)));
      if (!named.isEmpty() && !containsClasses(Path.of(entries.get(0)))) return named;
    }
    return entries;
  }

  public static String join(List<String> entries) {
    return String.join(File.pathSeparator, entries);
  }

  private static List<String> manifestClassPath(Path jar) {
    try (JarFile jf = new JarFile(jar.toFile())) {
      Manifest m = jf.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (cp == null || cp.isBlank()) return List.of();
      List<String> out = new ArrayList<>();
      for (String u : cp.trim().split("\\s+")) {
        URI uri = jar.toUri().resolve(u);
        out.add(Path.of(uri).toAbsolutePath().toString());
      }
      return out;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  private static boolean containsClasses(Path jar) {
    try (JarFile jf = new JarFile(jar.toFile())) {
      return jf.stream().anyMatch(e -> e.getName().endsWith(".class"));
    } catch (IOException e) {
      return false;
    }
  }

  /** True when every entry exists (a classpath of a build that was cleaned is not). */
  public static boolean exists(List<String> entries) {
    return entries.stream().allMatch(e -> Files.exists(Path.of(e)));
  }
}
