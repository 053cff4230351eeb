package io.quorumlab.harness.cluster.ssh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tears down every live ssh cluster when the JVM exits (Ctrl-C, SIGTERM): its nodes, rules and directories. */
final class SshShutdownReaper {
  private static final Set<SshCluster> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(SshCluster::tearDown), "quorumlab-ssh-reaper"));
  }

  private SshShutdownReaper() {}

  static void register(SshCluster c) {
    LIVE.add(c);
  }

  static void unregister(SshCluster c) {
    LIVE.remove(c);
  }
}
