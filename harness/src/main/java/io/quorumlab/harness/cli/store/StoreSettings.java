package io.quorumlab.harness.cli.store;

import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import picocli.CommandLine.Option;

/** Cluster-wide store settings shared by {@code serve} and {@code cluster start}; unset ones keep the config's. */
public final class StoreSettings {
  @Option(names = "--n", paramLabel = "N", description = "Replicas per key (default 3).")
  Integer n;

  @Option(names = "--w", paramLabel = "W", description = "Default write quorum (default 2).")
  Integer w;

  @Option(names = "--r", paramLabel = "R", description = "Default read quorum (default 2).")
  Integer r;

  @Option(names = "--quorum", paramLabel = "strict|sloppy", description = "Which nodes count towards W and R (default sloppy).")
  Quorum quorum;

  @Option(names = "--read-repair", paramLabel = "off|async|blocking", description = "Read repair mode (default async).")
  ReadRepair readRepair;

  @Option(names = "--conflicts", paramLabel = "siblings|lww|abd", description = "Conflict mode (default siblings).")
  ConflictMode conflicts;

  @Option(names = "--fsync", paramLabel = "always|periodic|never", description = "WAL sync policy (default always).")
  FsyncPolicy fsync;

  @Option(names = "--fsync-interval-ms", paramLabel = "MS", description = "WAL sync interval for --fsync periodic (default 100).")
  Long fsyncIntervalMs;

  @Option(names = "--storage", paramLabel = "rocksdb|memory", description = "Storage engine (default rocksdb).")
  String storage;

  @Option(names = "--vnodes", paramLabel = "K", description = "Virtual nodes per node (default 256).")
  Integer vnodes;

  @Option(names = "--request-timeout-ms", paramLabel = "MS", description = "Coordinator timeout for reaching a quorum (default 1000).")
  Long requestTimeoutMs;

  @Option(names = "--gossip-interval-ms", paramLabel = "MS", description = "Gossip round interval (default 1000).")
  Long gossipIntervalMs;

  @Option(names = "--gossip-fanout", paramLabel = "K", description = "Peers contacted per gossip round (default 3).")
  Integer gossipFanout;

  @Option(names = "--phi-threshold", paramLabel = "PHI", description = "Phi-accrual conviction threshold (default 8).")
  Double phiThreshold;

  @Option(names = "--anti-entropy-interval-ms", paramLabel = "MS", description = "Merkle-tree exchange interval, 0 disables (default 10000).")
  Long antiEntropyIntervalMs;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "The cluster's name; a node of another cluster is refused as a peer (default: quorumlab; cluster start: a new one).")
  String clusterName;

  @Option(names = "--cluster-secret", paramLabel = "SECRET",
      description = "Shared by every node of the cluster; a peer must prove it knows it (default: none; cluster start: a new one).")
  String clusterSecret;

  /** True when the user set N, W or R explicitly. */
  public boolean setsQuorumSizes() {
    return n != null || w != null || r != null;
  }

  public NodeConfig applyTo(NodeConfig c) {
    NodeConfig.Builder b = c.toBuilder();
    if (n != null) b.n(n);
    if (w != null) b.w(w);
    if (r != null) b.r(r);
    if (quorum != null) b.quorum(quorum);
    if (readRepair != null) b.readRepair(readRepair);
    if (conflicts != null) b.conflicts(conflicts);
    if (fsync != null) b.fsync(fsync);
    if (fsyncIntervalMs != null) b.fsyncIntervalMs(fsyncIntervalMs);
    if (storage != null) b.storage(storage);
    if (vnodes != null) b.vnodes(vnodes);
    if (requestTimeoutMs != null) b.requestTimeoutMs(requestTimeoutMs);
    if (gossipIntervalMs != null) b.gossipIntervalMs(gossipIntervalMs);
    if (gossipFanout != null) b.gossipFanout(gossipFanout);
    if (phiThreshold != null) b.phiThreshold(phiThreshold);
    if (antiEntropyIntervalMs != null) b.antiEntropyIntervalMs(antiEntropyIntervalMs);
    if (clusterName != null) b.clusterName(clusterName);
    if (clusterSecret != null) b.clusterSecret(clusterSecret);
    return b.build();
  }
}
