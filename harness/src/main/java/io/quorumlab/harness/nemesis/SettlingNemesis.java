package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.time.EventLoop;
import java.util.concurrent.CompletableFuture;

/**
 * A nemesis whose faults take time to finish after their stop (a join or a leave streams data):
 * before the cluster is healed, the schedule lets it {@link #settle}, so the final reads see a
 * stable cluster.
 */
interface SettlingNemesis extends Nemesis {

  /**
   * Completes, on the loop, once every change this nemesis started has finished, with what it
   * did; fails when they do not finish in time.
   */
  CompletableFuture<String> settle(EventLoop loop, Cluster cluster);
}
