package io.quorumlab.checkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validation corpora the project carries in {@code corpora/} (see its README). */
public final class Corpora {
  private Corpora() {}

  public static Path dir() {
    String p = System.getProperty("quorumlab.corpora");
    Path dir = p != null ? Path.of(p) : Path.of("../corpora");
    if (!Files.isDirectory(dir)) throw new IllegalStateException("corpora not found at " + dir.toAbsolutePath());
    return dir;
  }

  /** jepsen-etcd file name -> expected linearizable, from expected.tsv. */
  public static Map<String, Boolean> etcdExpected() throws IOException {
    Map<String, Boolean> result = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(dir().resolve("jepsen-etcd/expected.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      String[] cols = line.split("\t");
      result.put(cols[0], Boolean.parseBoolean(cols[1].trim()));
    }
    return result;
  }
}
