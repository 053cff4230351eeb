package io.quorumlab.harness.cluster.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell scripts that run a node on its host, in the run's directory DIR: DIR/app holds the
 * classpath, DIR/node.json the config, DIR/data the data, DIR/node.log what the JVM prints and
 * DIR/node.pid its pid. A node is started with setsid and nohup, its stdio on files, so that it
 * outlives the SSH channel that started it.
 */
final class NodeScripts {
  private NodeScripts() {}

  /** Makes DIR, failing (exit 1) when it exists: the host then belongs to another run. */
  static String claim(String dir, String runId) {
    return "mkdir '" + dir + "' 2>/dev/null || { echo 'exists'; exit 1; }\nmkdir '" + dir + "/app' '" + dir + "/data' && echo " + runId
        + " > '" + dir + "/run'";
  }

  static String unpack(String dir) {
    return "cd '" + dir + "' && tar -xf app.tar -C app && rm app.tar";
  }

  /** Starts the node in the background and prints pid=PID. */
  static String start(String dir, List<String> jvmArgs, String classpath, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add("java");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.add("serve");
    cmd.add("--config");
    cmd.add(dir + "/node.json");
    StringBuilder s = new StringBuilder("cd '" + dir + "' || exit 1\nsetsid nohup");
    for (String c : cmd) s.append(" '").append(c.replace("'", "'\\''")).append('\'');
    s.append(" >> node.log 2>&1 < /dev/null &\necho $! > node.pid\necho pid=$!");
    return s.toString();
  }

  /**
   * True (exit 0) once process PID is gone or a zombie; waits up to {@code seconds}. One read of its
   * status decides, since a zombie may be reaped between two.
   */
  static String awaitGone(String pid, int seconds) {
    return "P=" + pid + "; i=0; gone() { ! grep -qs '^State:[[:space:]]*[^Z[:space:]]' /proc/$P/status; }\n"
        + "while [ $i -lt " + (seconds * 10) + " ]; do gone && exit 0; sleep 0.1; i=$((i+1)); done; exit 1";
  }

  static String signal(String pid, String signal) {
    return "kill -" + signal + " " + pid;
  }

  static String kill(String pid) {
    return "kill -KILL " + pid + " 2>/dev/null\n" + awaitGone(pid, 20);
  }

  /** The interface the host reaches {@code peer} through. */
  static String deviceToward(String peer) {
    return "ip -o route get " + peer + " | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p'";
  }

  static String rss(String pid) {
    return "ps -o rss= -p " + pid;
  }

  static String log(String dir) {
    return "cat '" + dir + "/node.log' 2>/dev/null || true";
  }

  /**
   * The one shell line that removes what a run put on a host, as its tear-down does, for a person
   * to run as root: kill -9 of the node (a stopped node ignores anything else until continued), the
   * directory, the chains (unhooked, flushed, deleted) and the shaping. Empty parts are left out.
   */
  static String byHand(String pid, String dir, List<String> chains, List<String> devices) {
    List<String> steps = new ArrayList<>();
    if (!pid.isEmpty()) steps.add("kill -9 " + pid);
    if (!dir.isEmpty()) steps.add("rm -rf " + dir);
    if (!chains.isEmpty()) {
      steps.add("for c in " + String.join(" ", chains) + "; do iptables -w -D INPUT -j $c; iptables -w -F $c; iptables -w -X $c; done");
    }
    devices.forEach(d -> steps.add("tc qdisc del dev " + d + " root"));
    return String.join("; ", steps);
  }

  /**
   * Kills the run's node (if it still runs) and removes DIR. Then kills any process whose arguments
   * include DIR's node.json: a node that a heal was starting when a second Ctrl-C came, launched but
   * not yet in node.pid. One launched after the removal finds no config and exits by itself.
   */
  static String removeAll(String dir) {
    return "P=$(cat '" + dir + "/node.pid' 2>/dev/null)\nif [ -n \"$P\" ]; then kill -KILL $P 2>/dev/null; ("
        + awaitGone("$P", 20).replace("P=$P; ", "") + "); fi\nrm -rf '" + dir + "'\n"
        + "for f in $(grep -zlsxF -- '" + dir + "/node.json' /proc/[0-9]*/cmdline); do q=${f#/proc/}; kill -KILL \"${q%/cmdline}\" 2>/dev/null || true; done";
  }
}
