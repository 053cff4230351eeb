package io.quorumlab.harness.cluster.ssh;

/** One node of an ssh cluster and what the harness knows of its host. */
final class HostNode {
  final String id;
  final Remote remote;
  /** The interface its peers are reached through (where latency is shaped). */
  volatile String device = "eth0";
  /** Whether this run made the host's directory (and so may remove it, with its rules). */
  volatile boolean claimed;
  volatile String pid;
  volatile boolean killed;
  volatile boolean paused;

  HostNode(String id, Remote remote) {
    this.id = id;
    this.remote = remote;
  }

  String ip() {
    return remote.address;
  }
}
