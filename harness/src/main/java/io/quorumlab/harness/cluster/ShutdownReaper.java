package io.quorumlab.harness.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook for every live cluster of any backend: on Ctrl-C, SIGTERM or a normal exit
 * that skipped {@code close()}, each registered cluster's tear-down runs (node processes killed,
 * containers removed, hosts' rules and directories cleaned). Only kill -9 of the harness escapes it;
 * each backend finds what that left behind at its next start.
 */
public final class ShutdownReaper {
  private static final Map<Object, Runnable> LIVE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ShutdownReaper::reapAll, "quorumlab-reaper"));
  }

  private ShutdownReaper() {}

  /** Until {@link #unregister}, {@code tearDown} runs if the JVM exits; {@code cluster} is its key. */
  public static void register(Object cluster, Runnable tearDown) {
    LIVE.put(cluster, tearDown);
  }

  public static void unregister(Object cluster) {
    LIVE.remove(cluster);
  }

  private static void reapAll() {
    for (Runnable tearDown : LIVE.values()) {
      try {
        tearDown.run();
      } catch (RuntimeException e) {
        // one cluster that cannot be torn down must not leave the others running
        System.err.println("quorumlab: tearing down a cluster at exit failed: " + e);
      }
    }
  }
}
