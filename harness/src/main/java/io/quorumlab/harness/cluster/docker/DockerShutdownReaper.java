package io.quorumlab.harness.cluster.docker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Removes the containers of every live docker cluster when the JVM exits (Ctrl-C, SIGTERM). */
final class DockerShutdownReaper {
  private static final Set<DockerCluster> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(DockerCluster::removeAll), "quorumlab-docker-reaper"));
  }

  private DockerShutdownReaper() {}

  static void register(DockerCluster c) {
    LIVE.add(c);
  }

  static void unregister(DockerCluster c) {
    LIVE.remove(c);
  }
}
