package io.quorumlab.harness.cli.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quorumlab.harness.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code cluster start} leaves in its directory ({@code cluster.json}) for {@code cluster
 * stop} and {@code kv --node}: each node's address, pid and files, and the quorum sizes.
 */
public record ClusterState(int n, int w, int r, List<Node> nodes) {
  public static final String FILE = "cluster.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** {@code startedMs}: the process's start instant (epoch ms), which tells our process from a reused pid; 0 if unknown. */
  public record Node(String id, String host, int port, long pid, long startedMs, String config, String log) {
    public String address() {
      return host + ":" + port;
    }
  }

  public Node node(String id, Path dir) {
    return nodes.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> new SpecException(
        "unknown node '" + id + "' (the cluster in " + dir + " has " + String.join(", ", nodes.stream().map(Node::id).toList()) + ")"));
  }

  public static Path file(Path dir) {
    return dir.resolve(FILE);
  }

  public static boolean exists(Path dir) {
    return Files.exists(file(dir));
  }

  public static ClusterState read(Path dir) {
    return read(dir, "");
  }

  /** The state in {@code dir}; {@code otherwise} ends the hint when there is none (", or pass --address ..."). */
  public static ClusterState read(Path dir, String otherwise) {
    Path f = file(dir);
    if (!Files.exists(f)) {
      throw new SpecException("no cluster in " + dir + " (start one with 'quorumlab cluster start'" + otherwise + ")");
    }
    try {
      return JSON.readValue(f.toFile(), ClusterState.class);
    } catch (IOException e) {
      throw new SpecException("cannot read " + f + ": " + e.getMessage());
    }
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, file(dir), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static void delete(Path dir) throws IOException {
    Files.deleteIfExists(file(dir));
  }
}
