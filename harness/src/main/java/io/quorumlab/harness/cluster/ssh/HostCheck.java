package io.quorumlab.harness.cluster.ssh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a host must offer before a run touches it: a Java 17 (or newer) runtime, iptables as root
 * (root login or password-less sudo), and no trace of another run (its directory, a process on the
 * node port, the partition chain). The check is one script; its output is key=value lines.
 */
final class HostCheck {
  static final int MIN_JAVA = 17;

  private HostCheck() {}

  static String script(String dir, int port) {
    String hex = String.format("%04X", port);
    return String.join("\n",
        "echo uid=$(id -u)",
        "J=$(command -v java 2>/dev/null || true); echo java=$J",
        "if [ -n \"$J\" ]; then echo javaversion=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'); fi",
        "SUDO=; if [ \"$(id -u)\" != 0 ]; then if sudo -n true 2>/dev/null; then SUDO='sudo -n'; echo sudo=yes; else echo sudo=no; fi; fi",
        "echo iptables=$($SUDO sh -c 'command -v iptables' 2>/dev/null || true)",
        "if $SUDO iptables -w -n -L QL_PART >/dev/null 2>&1; then echo chain=present; fi",
        "if [ -e '" + dir + "' ]; then echo leftover=yes; P=$(cat '" + dir + "/node.pid' 2>/dev/null || true);"
            + " if [ -n \"$P\" ] && kill -0 \"$P\" 2>/dev/null; then echo leftoverpid=$P; fi; fi",
        "if awk '$4==\"0A\" && $2 ~ /:" + hex + "$/ {found=1} END {exit !found}' /proc/net/tcp /proc/net/tcp6 2>/dev/null; then echo portbusy=yes; fi",
        "true");
  }

  /** The host's answers, parsed. */
  record Answers(Map<String, String> values) {
    static Answers parse(String output) {
      Map<String, String> v = new LinkedHashMap<>();
      for (String line : output.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) v.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
      return new Answers(v);
    }

    String get(String key) {
      return values.getOrDefault(key, "");
    }

    boolean root() {
      return "0".equals(get("uid"));
    }
  }

  /** What stops a run on the host, one phrase each; empty when it can take a node. */
  static List<String> problems(Answers a, String dir, int port) {
    List<String> out = new ArrayList<>();
    if (a.get("java").isEmpty()) {
      out.add("no java on its PATH (a Java " + MIN_JAVA + " runtime is needed, e.g. apt-get install openjdk-17-jre-headless)");
    } else if (javaVersion(a.get("javaversion")) < MIN_JAVA) {
      out.add("its java (" + a.get("java") + ") is version " + (a.get("javaversion").isEmpty() ? "unknown" : a.get("javaversion"))
          + ", not " + MIN_JAVA + " or newer");
    }
    if (!a.root() && "no".equals(a.get("sudo"))) {
      out.add("the login is not root and has no password-less sudo (iptables needs root)");
    } else if (a.get("iptables").isEmpty()) {
      out.add("no iptables (apt-get install iptables)");
    }
    if (!a.get("leftoverpid").isEmpty()) {
      out.add(dir + " of another run is there and its node (pid " + a.get("leftoverpid") + ") runs: stop that run, or kill "
          + a.get("leftoverpid") + " and remove " + dir);
    } else if ("yes".equals(a.get("leftover"))) {
      out.add(dir + " of another run is there: remove it if no run uses this host");
    }
    if ("yes".equals(a.get("portbusy")) && a.get("leftoverpid").isEmpty()) out.add("something listens on the node port " + port);
    if ("present".equals(a.get("chain"))) {
      out.add("the iptables chain QL_PART of another run is there: remove it if no run uses this host"
          + " (iptables -D INPUT -j QL_PART; iptables -F QL_PART; iptables -X QL_PART)");
    }
    return out;
  }

  static int javaVersion(String spec) {
    try {
      String s = spec.startsWith("1.") ? spec.substring(2) : spec;
      return Integer.parseInt(s.split("[^0-9]")[0]);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
