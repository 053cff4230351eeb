package io.quorumlab.harness.cluster.local;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook for every live local cluster: on Ctrl-C, SIGTERM or a normal exit that
 * skipped {@code close()}, every node process (and anything it spawned) is killed. Only kill -9 of
 * the harness escapes it; {@link PidRegistry} catches that at the next start.
 */
final class ShutdownReaper {
  private static final Set<LocalCluster> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(LocalCluster::destroyNow), "quorumlab-reaper"));
  }

  private ShutdownReaper() {}

  static void register(LocalCluster c) {
    LIVE.add(c);
  }

  static void unregister(LocalCluster c) {
    LIVE.remove(c);
  }
}
