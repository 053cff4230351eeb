package io.quorumlab.harness.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A node's classpath as it is shipped to another machine (into a docker image, onto an ssh host):
 * each jar as {@code lib/NNN-name}, each class directory under {@code dirs/NNN-name/}, numbered so
 * that the order and the names stay unique. Entries that do not exist are left out.
 */
public final class ClasspathArchive {
  /** One classpath entry and its name in the archive. */
  public record Entry(Path source, String target, boolean directory) {}

  private ClasspathArchive() {}

  public static List<Entry> entries(List<String> classpath) {
    List<Entry> out = new ArrayList<>();
    int i = 0;
    for (String e : classpath) {
      Path p = Path.of(e);
      if (!Files.exists(p)) continue;
      boolean dir = Files.isDirectory(p);
      String name = String.format("%03d-%s", i++, p.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_"));
      out.add(new Entry(p, (dir ? "dirs/" : "lib/") + name, dir));
    }
    return out;
  }

  /** The classpath once the archive is unpacked in {@code root}. */
  public static String classpathUnder(String root, List<Entry> entries) {
    return String.join(":", entries.stream().map(e -> root + "/" + e.target()).toList());
  }

  /** Adds every file of {@code entries} to {@code t}, under its archive name. */
  public static void write(TarArchiveOutputStream t, List<Entry> entries) throws IOException {
    for (Entry e : entries) {
      if (!e.directory()) {
        addFile(t, e.source(), e.target());
        continue;
      }
      try (Stream<Path> s = Files.walk(e.source())) {
        for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
          addFile(t, f, e.target() + "/" + e.source().relativize(f).toString().replace('\\', '/'));
        }
      }
    }
  }

  private static void addFile(TarArchiveOutputStream t, Path f, String name) throws IOException {
    TarArchiveEntry te = new TarArchiveEntry(f.toFile(), name);
    t.putArchiveEntry(te);
    Files.copy(f, t);
    t.closeArchiveEntry();
  }
}
