package io.quorumlab.harness.compare;

import io.quorumlab.harness.SpecException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the bench module's shaded jar ({@code bench/target/benchmarks.jar}) and builds it when it
 * is missing or older than the sources. The harness cannot depend on the bench module (bench
 * depends on the harness), so benchmarks run as a separate JVM from that jar.
 */
public final class BenchJar {
  public static final String JAR = "bench/target/benchmarks.jar";
  public static final List<String> BUILD = List.of("mvn", "-B", "-q", "-DskipTests", "package", "-pl", "bench", "-am");
  private static final List<String> MODULES = List.of("checkers", "store", "workloads", "results", "harness", "bench");

  private BenchJar() {}

  /** {@value #JAR} of the source tree around the working directory or around this program's jar. */
  public static Path defaultJar() {
    return projectRoot().resolve(JAR);
  }

  static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    Path found = search(here);
    if (found == null) {
      try {
        Path code = Path.of(BenchJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        found = search(code);
      } catch (URISyntaxException | SecurityException | NullPointerException e) {
        found = null;
      }
    }
    if (found == null) {
      throw new SpecException("cannot find the quorumlab source tree (a directory with bench/pom.xml) from " + here
          + "; run from it, or give --jar FILE");
    }
    return found;
  }

  private static Path search(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("bench/pom.xml"))) return p;
    }
    return null;
  }

  /**
   * Makes sure {@code jar} exists and, when {@code build} is true, is newer than every main source
   * and POM; builds it with Maven otherwise.
   *
   * @return null when the jar is ready, else a one-line problem that says how to build it
   */
  public static String ensureBuilt(Path jar, boolean build, PrintWriter err) throws IOException, InterruptedException {
    boolean exists = Files.isRegularFile(jar);
    if (exists && (!build || !stale(jar))) return null;
    String how = "build it with: (cd " + projectRoot() + " && " + String.join(" ", BUILD) + ")";
    if (!build) return jar + " does not exist; " + how;
    if (!onPath("mvn")) return jar + (exists ? " is older than the sources" : " does not exist") + " and Maven (mvn) is not on the PATH; " + how;
    Path root = projectRoot();
    Path log = root.resolve(".bench-build.log");
    err.println("quorumlab bench: building " + JAR + " (" + (exists ? "sources changed" : "first use") + "; a minute or two): "
        + String.join(" ", BUILD));
    err.flush();
    Process p = new ProcessBuilder(BUILD).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    if (code != 0 || !Files.isRegularFile(jar)) {
      List<String> lines = Files.readAllLines(log);
      err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      return "the build failed (exit " + code + "); the whole log is in " + log;
    }
    return null;
  }

  private static boolean stale(Path jar) throws IOException {
    FileTime built = Files.getLastModifiedTime(jar);
    Path root = projectRoot();
    try {
      if (Files.getLastModifiedTime(root.resolve("pom.xml")).compareTo(built) > 0) return true;
      for (String m : MODULES) {
        Path module = root.resolve(m);
        if (Files.isRegularFile(module.resolve("pom.xml")) && Files.getLastModifiedTime(module.resolve("pom.xml")).compareTo(built) > 0) return true;
        Path src = module.resolve("src/main");
        if (!Files.isDirectory(src)) continue;
        try (Stream<Path> files = Files.walk(src)) {
          if (files.anyMatch(f -> newer(f, built))) return true;
        }
      }
      return false;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean newer(Path f, FileTime than) {
    try {
      return Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(than) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }
}
