package io.quorumlab.harness.cluster.ssh;

import io.quorumlab.harness.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * One machine of an ssh cluster as the user named it: a host name or IPv4 address, and the port its
 * sshd listens on. The node on it listens on the address the name resolves to, which its peers must
 * reach too (one network for the harness and the nodes).
 */
public record SshHost(String name, int port) {
  public SshHost {
    if (name == null || name.isBlank()) throw new SpecException("an ssh host has an empty name");
    if (port < 1 || port > 65535) throw new SpecException("ssh port " + port + " of " + name + " is not in 1..65535");
  }

  /** "host" or "host:port"; {@code defaultPort} when no port is given. */
  public static SshHost parse(String s, int defaultPort) {
    String t = s.strip();
    int colon = t.lastIndexOf(':');
    if (colon < 0) return new SshHost(t, defaultPort);
    try {
      return new SshHost(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new SpecException("ssh host '" + s + "': the part after ':' must be a port number");
    }
  }

  /** A comma-separated list (or one host a line, blank lines and # comments left out). */
  public static List<SshHost> parseAll(String text, int defaultPort) {
    List<SshHost> out = new ArrayList<>();
    for (String line : text.split("[,\\n]")) {
      String l = line.replaceAll("#.*", "").strip();
      if (!l.isEmpty()) out.add(parse(l, defaultPort));
    }
    if (out.size() != out.stream().distinct().count()) throw new SpecException("the ssh hosts name one host twice: " + out);
    return out;
  }

  @Override
  public String toString() {
    return port == 22 ? name : name + ":" + port;
  }
}
