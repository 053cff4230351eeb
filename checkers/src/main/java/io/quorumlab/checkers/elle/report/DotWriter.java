package io.quorumlab.checkers.elle.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writes a witness cycle as a Graphviz file, and renders it to SVG when {@code dot} is installed. */
public final class DotWriter {
  private static volatile Boolean dotAvailable;

  private DotWriter() {}

  /** A node: its name (T1) and label lines; an edge from node i to i+1 (cyclically) with a label. */
  public record Node(String name, String label) {}

  /**
   * @return the files written (the .dot, and the .svg when rendered)
   */
  public static List<Path> write(Path file, String title, List<Node> nodes, List<String> edgeLabels) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("digraph cycle {\n  label=").append(quote(title)).append(";\n  labelloc=t;\n");
    sb.append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (Node n : nodes) sb.append("  ").append(n.name()).append(" [label=").append(quote(n.name() + "\n" + n.label())).append("];\n");
    for (int i = 0; i < nodes.size(); i++) {
      String label = edgeLabels.get(i);
      String color = label.startsWith("rw") ? "#c0392b" : label.startsWith("wr") ? "#2471a3" : label.startsWith("ww") ? "#1e8449" : "#7d7d7d";
      sb.append("  ").append(nodes.get(i).name()).append(" -> ").append(nodes.get((i + 1) % nodes.size()).name())
          .append(" [label=").append(quote(label)).append(", color=\"").append(color).append("\", fontcolor=\"").append(color)
          .append("\"];\n");
    }
    sb.append("}\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, sb.toString());
    List<Path> written = new ArrayList<>(List.of(file));
    Path svg = renderSvg(file);
    if (svg != null) written.add(svg);
    return written;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** Renders {@code dot} to an .svg next to it; null (quietly) without Graphviz or on failure. */
  private static Path renderSvg(Path dot) {
    if (!dotAvailable()) return null;
    String name = dot.getFileName().toString();
    Path svg = dot.resolveSibling(name.substring(0, name.length() - 4) + ".svg");
    try {
      Process p = new ProcessBuilder("dot", "-Tsvg", dot.toString(), "-o", svg.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 && Files.exists(svg) ? svg : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static boolean dotAvailable() {
    Boolean b = dotAvailable;
    if (b == null) {
      b = false;
      String path = System.getenv("PATH");
      if (path != null) {
        for (String dir : path.split(File.pathSeparator)) {
          if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "dot"))) {
            b = true;
            break;
          }
        }
      }
      dotAvailable = b;
    }
    return b;
  }
}
