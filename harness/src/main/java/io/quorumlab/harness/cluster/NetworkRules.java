package io.quorumlab.harness.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shell scripts that put a node's share of the network faults into its machine (a container of
 * the docker backend, a host of the ssh backend), the same for both. Partitions
 * and loss are iptables rules on INPUT, by the source address of the peer: a grudge "b cannot hear
 * from a" is a DROP of a's address in b. Latency and rate are tc on the sender's interface toward its peers: an htb class
 * per slowed destination (u32 match on its address), with netem under it for latency where the
 * kernel has netem. Each script replaces that node's whole state, so it is safe to rerun after a
 * restart (a restarted container has a fresh network namespace); {@link #teardown} removes it all
 * from a machine that outlives the run.
 */
public final class NetworkRules {
  public static final String PARTITION_CHAIN = "QL_PART";
  public static final String LOSS_CHAIN = "QL_LOSS";

  private NetworkRules() {}

  /** What the kernel in the containers offers. */
  public record Capabilities(boolean netem, boolean htb, boolean statistic, String netemError) {
    public static final String PROBE = String.join("\n",
        "tc qdisc add dev lo root netem delay 1ms 2>/tmp/ql-netem; echo netem=$?; tc qdisc del dev lo root 2>/dev/null",
        "tc qdisc add dev lo root handle 1: htb 2>/dev/null; echo htb=$?; tc qdisc del dev lo root 2>/dev/null",
        "iptables -w -N QL_PROBE 2>/dev/null; iptables -w -A QL_PROBE -m statistic --mode random --probability 0.5 -j RETURN 2>/dev/null;"
            + " echo statistic=$?; iptables -w -F QL_PROBE; iptables -w -X QL_PROBE",
        "echo netem-error=$(head -c 200 /tmp/ql-netem | tr '\\n' ' ')");

    public static Capabilities parse(String probeOutput) {
      boolean netem = probeOutput.contains("netem=0");
      boolean htb = probeOutput.contains("htb=0");
      boolean statistic = probeOutput.contains("statistic=0");
      String err = probeOutput.lines().filter(l -> l.startsWith("netem-error=")).findFirst().map(l -> l.substring(12).strip()).orElse("");
      return new Capabilities(netem, htb, statistic, err);
    }
  }

  /** Creates the chains and hooks them into INPUT (idempotent). */
  public static String setup() {
    return String.join("\n",
        "iptables -w -N " + PARTITION_CHAIN + " 2>/dev/null || true",
        "iptables -w -N " + LOSS_CHAIN + " 2>/dev/null || true",
        "iptables -w -C INPUT -j " + PARTITION_CHAIN + " 2>/dev/null || iptables -w -I INPUT 1 -j " + PARTITION_CHAIN,
        "iptables -w -C INPUT -j " + LOSS_CHAIN + " 2>/dev/null || iptables -w -A INPUT -j " + LOSS_CHAIN);
  }

  /** Replaces the partition rules of {@code node}: drop everything from the nodes it cannot hear. */
  public static String partition(String node, Map<String, Set<String>> grudge, Map<String, String> ips) {
    StringBuilder s = new StringBuilder("*filter\n:").append(PARTITION_CHAIN).append(" - [0:0]\n");
    for (String from : grudge.getOrDefault(node, Set.of())) {
      s.append("-A ").append(PARTITION_CHAIN).append(" -s ").append(ips.get(from)).append("/32 -j DROP\n");
    }
    s.append("COMMIT\n");
    return "iptables-restore -w --noflush <<'EOF'\n" + s + "EOF";
  }

  /**
   * Replaces the loss rules (on the receiving side) and the shaping (on the sending side) of
   * {@code node} for the slowed links, shaping on interface {@code device}; leaves out what the
   * kernel cannot do.
   */
  public static String slow(String node, Map<Link, Slowness> slowed, Map<String, String> ips, Capabilities caps, String device) {
    List<String> lines = new ArrayList<>();
    StringBuilder loss = new StringBuilder("*filter\n:").append(LOSS_CHAIN).append(" - [0:0]\n");
    if (caps.statistic()) {
      slowed.forEach((link, s) -> {
        if (link.to().equals(node) && s.loss() > 0) {
          loss.append("-A ").append(LOSS_CHAIN).append(" -s ").append(ips.get(link.from()))
              .append("/32 -m statistic --mode random --probability ").append(String.format(Locale.ROOT, "%.4f", s.loss()))
              .append(" -j DROP\n");
        }
      });
    }
    loss.append("COMMIT\n");
    lines.add("iptables-restore -w --noflush <<'EOF'\n" + loss + "EOF");
    lines.add("tc qdisc del dev " + device + " root 2>/dev/null || true");
    List<Map.Entry<Link, Slowness>> shaped = slowed.entrySet().stream()
        .filter(e -> e.getKey().from().equals(node))
        .filter(e -> (caps.htb() && e.getValue().rateKbit() > 0)
            || (caps.htb() && caps.netem() && (e.getValue().delayMs() > 0 || e.getValue().jitterMs() > 0)))
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Link::to)))
        .toList();
    if (!shaped.isEmpty()) {
      lines.add("tc qdisc add dev " + device + " root handle 1: htb default 1");
      lines.add("tc class add dev " + device + " parent 1: classid 1:1 htb rate 10gbit");
      int k = 10;
      for (Map.Entry<Link, Slowness> e : shaped) {
        Slowness s = e.getValue();
        String rate = s.rateKbit() > 0 ? s.rateKbit() + "kbit" : "10gbit";
        lines.add("tc class add dev " + device + " parent 1: classid 1:" + k + " htb rate " + rate + " ceil " + rate);
        if (caps.netem() && (s.delayMs() > 0 || s.jitterMs() > 0)) {
          lines.add("tc qdisc add dev " + device + " parent 1:" + k + " handle " + k + ": netem delay " + s.delayMs() + "ms" + (s.jitterMs() > 0 ? " " + s.jitterMs() + "ms" : ""));
        }
        lines.add("tc filter add dev " + device + " parent 1: protocol ip prio 1 u32 match ip dst " + ips.get(e.getKey().to()) + "/32 flowid 1:" + k);
        k++;
      }
    }
    return String.join("\n", lines);
  }

  /** One line for each part of {@code slowness} the kernel could not apply; empty when all applied. */
  public static List<String> notInjected(Slowness s, int links, Capabilities caps) {
    List<String> out = new ArrayList<>();
    if (links == 0 || s.isNone()) return out;
    if ((s.delayMs() > 0 || s.jitterMs() > 0) && !(caps.netem() && caps.htb())) {
      out.add("latency " + s.delayMs() + "ms±" + s.jitterMs() + "ms on " + links + " links not injected: the containers' kernel has no tc netem"
          + (caps.netemError().isEmpty() ? "" : " (" + caps.netemError() + ")"));
    }
    if (s.loss() > 0 && !caps.statistic()) {
      out.add("loss " + s.loss() + " on " + links + " links not injected: iptables has no statistic match");
    }
    if (s.rateKbit() > 0 && !caps.htb()) {
      out.add("rate " + s.rateKbit() + "kbit on " + links + " links not injected: the kernel has no tc htb");
    }
    return out;
  }

  /**
   * Removes what {@link #setup}, {@link #partition} and {@link #slow} put in place: the hooks, the
   * chains and the shaping on {@code device}. Safe to run twice, or where nothing was set up.
   */
  public static String teardown(String device) {
    return String.join("\n",
        "iptables -w -D INPUT -j " + PARTITION_CHAIN + " 2>/dev/null || true",
        "iptables -w -D INPUT -j " + LOSS_CHAIN + " 2>/dev/null || true",
        "iptables -w -F " + PARTITION_CHAIN + " 2>/dev/null || true",
        "iptables -w -X " + PARTITION_CHAIN + " 2>/dev/null || true",
        "iptables -w -F " + LOSS_CHAIN + " 2>/dev/null || true",
        "iptables -w -X " + LOSS_CHAIN + " 2>/dev/null || true",
        "tc qdisc del dev " + device + " root 2>/dev/null || true");
  }

  /** Waits (inside the machine) until something listens on {@code port}; exit 0 when it does. */
  public static String awaitListening(int port, long timeoutSeconds) {
    return awaitListening(port, timeoutSeconds, null);
  }

  /**
   * As {@link #awaitListening(int, long)}, but gives up with exit 3 as soon as process {@code pid}
   * (when not null) has ended, so that a node that dies at start is reported at once.
   */
  public static String awaitListening(int port, long timeoutSeconds, String pid) {
    String hex = String.format("%04X", port);
    String dead = pid == null ? "" : "if ! kill -0 " + pid + " 2>/dev/null; then exit 3; fi; ";
    return "i=0; while [ $i -lt " + (timeoutSeconds * 10) + " ]; do "
        + "if awk '$4==\"0A\" && $2 ~ /:" + hex + "$/ {found=1} END {exit !found}' /proc/net/tcp /proc/net/tcp6 2>/dev/null; then exit 0; fi; "
        + dead + "sleep 0.1; i=$((i+1)); done; exit 1";
  }
}
