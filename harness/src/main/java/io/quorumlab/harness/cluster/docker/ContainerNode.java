package io.quorumlab.harness.cluster.docker;

/** One node's container: its fixed address on the run's network and its published client port. */
final class ContainerNode {
  final String id;
  final String ip;
  volatile int hostPort;
  volatile String containerId;
  volatile boolean killed;
  volatile boolean paused;

  ContainerNode(String id, String ip) {
    this.id = id;
    this.ip = ip;
  }

  boolean reachable() {
    return containerId != null && !killed && !paused;
  }
}
