package io.quorumlab.harness.cluster.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pid files of the node processes a harness started, so that a later harness can kill what an
 * earlier one left behind when it died without running its shutdown hook (kill -9, OOM, power).
 * Each cluster writes one file in its own directory and one in a machine-wide directory; the
 * first line names the harness process, the others its nodes. A pid is killed only if the process
 * with that pid still has the start time recorded, so a recycled pid is never touched.
 */
final class PidRegistry {
  static final String FILE_NAME = "cluster.pids";
  private static final Path GLOBAL = Path.of(System.getProperty("java.io.tmpdir"), "quorumlab-nodes");

  private PidRegistry() {}

  record Entry(String name, long pid, long startMillis) {
    String line() {
      return name + " " + pid + " " + startMillis;
    }
  }

  static Path globalFile(String clusterId) {
    return GLOBAL.resolve(clusterId + ".pids");
  }

  static Entry self() {
    ProcessHandle me = ProcessHandle.current();
    return new Entry("harness", me.pid(), startMillis(me));
  }

  static long startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /** Writes (replaces) both pid files of a cluster. */
  static void write(Path clusterDir, String clusterId, Map<String, ProcessHandle> nodes) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(self().line());
    nodes.forEach((id, p) -> lines.add(new Entry(id, p.pid(), startMillis(p)).line()));
    for (Path f : List.of(clusterDir.resolve(FILE_NAME), globalFile(clusterId))) {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.write(tmp, lines);
      Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  static void remove(Path clusterDir, String clusterId) {
    try {
      Files.deleteIfExists(clusterDir.resolve(FILE_NAME));
      Files.deleteIfExists(globalFile(clusterId));
    } catch (IOException e) {
      // nothing to clean next time either way: the processes are gone
    }
  }

  /**
   * Kills the nodes of every earlier harness that is no longer running: those recorded in
   * {@code clusterDir} and in the machine-wide directory. Returns the pids it killed.
   */
  static List<Long> reapStale(Path clusterDir) {
    List<Path> files = new ArrayList<>();
    Path own = clusterDir.resolve(FILE_NAME);
    if (Files.exists(own)) files.add(own);
    if (Files.isDirectory(GLOBAL)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(GLOBAL, "*.pids")) {
        ds.forEach(files::add);
      } catch (IOException e) {
        // an unreadable registry only means nothing can be reaped from it
      }
    }
    List<Long> killed = new ArrayList<>();
    for (Path f : files) {
      List<Entry> entries = read(f);
      if (entries.isEmpty() || !entries.get(0).name().equals("harness")) continue;
      if (alive(entries.get(0))) continue; // its harness still runs and owns them
      for (Entry e : entries.subList(1, entries.size())) {
        Optional<ProcessHandle> p = matching(e);
        if (p.isPresent()) {
          p.get().descendants().forEach(ProcessHandle::destroyForcibly);
          p.get().destroyForcibly();
          killed.add(e.pid());
        }
      }
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // reaped anyway
      }
    }
    return killed;
  }

  private static boolean alive(Entry e) {
    return matching(e).isPresent();
  }

  private static Optional<ProcessHandle> matching(Entry e) {
    return ProcessHandle.of(e.pid()).filter(ProcessHandle::isAlive)
        .filter(p -> Math.abs(startMillis(p) - e.startMillis()) < 1000);
  }

  static List<Entry> read(Path f) {
    List<Entry> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(f)) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3) continue;
        out.add(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
      }
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
    return out;
  }
}
