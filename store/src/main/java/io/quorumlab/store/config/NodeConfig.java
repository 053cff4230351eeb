package io.quorumlab.store.config;

import java.util.List;
import java.util.Map;

/**
 * Everything a node needs to start. Serialised as JSON ({@code quorumlab serve --config FILE}); the
 * harness writes one per node. Cluster-wide settings must be equal on every node.
 *
 * @param nodeId this node's id ("n1")
 * @param listenHost address to bind (127.0.0.1 locally, 0.0.0.0 in containers)
 * @param port port for clients and peers (one protocol for both)
 * @param dataDir directory of this node's storage
 * @param members every initial member's id and the address ("host:port") at which THIS node reaches
 *     it; the harness points these at its link proxies. Includes this node itself.
 * @param seeds ids of the gossip seed nodes
 * @param n replicas per key
 * @param w default write quorum
 * @param r default read quorum
 * @param quorum strict or sloppy (default for requests)
 * @param readRepair off, async or blocking
 * @param conflicts siblings, lww or abd
 * @param fsync always, periodic or never
 * @param fsyncIntervalMs WAL sync interval for {@link FsyncPolicy#PERIODIC}
 * @param storage "rocksdb" or "memory"
 * @param vnodes virtual nodes (tokens) per physical node
 * @param requestTimeoutMs coordinator timeout for reaching a quorum
 * @param gossipIntervalMs gossip round interval
 * @param gossipFanout peers contacted per gossip round
 * @param phiThreshold phi-accrual conviction threshold
 * @param antiEntropyIntervalMs interval between Merkle-tree exchanges (0 disables)
 * @param maxFrameBytes largest frame accepted on the wire
 * @param maxValueBytes largest value accepted in a put
 */
public record NodeConfig(
    String nodeId,
    String listenHost,
    int port,
    String dataDir,
    Map<String, String> members,
    List<String> seeds,
    int n,
    int w,
    int r,
    Quorum quorum,
    ReadRepair readRepair,
    ConflictMode conflicts,
    FsyncPolicy fsync,
    long fsyncIntervalMs,
    String storage,
    int vnodes,
    long requestTimeoutMs,
    long gossipIntervalMs,
    int gossipFanout,
    double phiThreshold,
    long antiEntropyIntervalMs,
    int maxFrameBytes,
    int maxValueBytes) {

  /** Defaults for everything but identity and membership. */
  public static NodeConfig defaults(String nodeId, int port, String dataDir, Map<String, String> members) {
    return new NodeConfig(nodeId, "127.0.0.1", port, dataDir, members, List.copyOf(members.keySet()),
        3, 2, 2, Quorum.SLOPPY, ReadRepair.ASYNC, ConflictMode.SIBLINGS, FsyncPolicy.ALWAYS, 100,
        "rocksdb", 256, 1000, 1000, 3, 8.0, 10_000, 16 << 20, 1 << 20);
  }
}
