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
 * @param join start as a new member: announce JOINING through the seeds, take over this node's
 *     ranges from their current replicas, then become UP (ignored once the node has joined)
 * @param clusterName the cluster this node belongs to; a peer connection whose hello names another
 *     cluster is refused
 * @param clusterSecret shared by every node of the cluster ("" for none): a peer must prove it knows
 *     it in its hello, so that a stray process cannot join the data path
 * @param maxInboundBytes bytes of frames being received that the node holds at once, all
 *     connections together (at least {@code maxFrameBytes}); a connection waits for room
 * @param frameTimeoutMs a connection that sends nothing for this long in the middle of a frame is
 *     closed
 * @param clientIdleTimeoutMs a client (not peer) connection without traffic for this long is closed;
 *     0 keeps idle client connections open
 * @param diskFaults for fault injection only (the harness's disk nemesis): the node keeps an undo log
 *     of the writes it has not synced, as the page cache a power loss would empty, and accepts the
 *     admin commands that crash it losing them ({@code disk crash}, {@code disk torn}) or corrupt
 *     stored records ({@code disk corrupt}); never set on a node whose data matters
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
    int maxValueBytes,
    boolean join,
    String clusterName,
    String clusterSecret,
    long maxInboundBytes,
    long frameTimeoutMs,
    long clientIdleTimeoutMs,
    boolean diskFaults) {

  public static final String DEFAULT_CLUSTER_NAME = "quorumlab";

  /** Defaults for everything but identity and membership. */
  public static NodeConfig defaults(String nodeId, int port, String dataDir, Map<String, String> members) {
    return new NodeConfig(nodeId, "127.0.0.1", port, dataDir, members, List.copyOf(members.keySet()),
        3, 2, 2, Quorum.SLOPPY, ReadRepair.ASYNC, ConflictMode.SIBLINGS, FsyncPolicy.ALWAYS, 100,
        "rocksdb", 256, 1000, 1000, 3, 8.0, 10_000, 16 << 20, 1 << 20, false,
        DEFAULT_CLUSTER_NAME, "", 48L << 20, 10_000, 300_000, false);
  }

  // ---- convenience copies (added; the record components above are the contract) ----

  public NodeConfig withNodeId(String v) { return toBuilder().nodeId(v).build(); }
  public NodeConfig withListenHost(String v) { return toBuilder().listenHost(v).build(); }
  public NodeConfig withPort(int v) { return toBuilder().port(v).build(); }
  public NodeConfig withDataDir(String v) { return toBuilder().dataDir(v).build(); }
  public NodeConfig withMembers(Map<String, String> v) { return toBuilder().members(v).build(); }
  public NodeConfig withN(int v) { return toBuilder().n(v).build(); }
  public NodeConfig withW(int v) { return toBuilder().w(v).build(); }
  public NodeConfig withR(int v) { return toBuilder().r(v).build(); }
  public NodeConfig withQuorum(Quorum v) { return toBuilder().quorum(v).build(); }
  public NodeConfig withReadRepair(ReadRepair v) { return toBuilder().readRepair(v).build(); }
  public NodeConfig withConflicts(ConflictMode v) { return toBuilder().conflicts(v).build(); }
  public NodeConfig withFsync(FsyncPolicy v) { return toBuilder().fsync(v).build(); }
  public NodeConfig withStorage(String v) { return toBuilder().storage(v).build(); }
  public NodeConfig withVnodes(int v) { return toBuilder().vnodes(v).build(); }
  public NodeConfig withRequestTimeoutMs(long v) { return toBuilder().requestTimeoutMs(v).build(); }
  public NodeConfig withMaxFrameBytes(int v) { return toBuilder().maxFrameBytes(v).build(); }
  public NodeConfig withMaxValueBytes(int v) { return toBuilder().maxValueBytes(v).build(); }
  public NodeConfig withGossipIntervalMs(long v) { return toBuilder().gossipIntervalMs(v).build(); }
  public NodeConfig withAntiEntropyIntervalMs(long v) { return toBuilder().antiEntropyIntervalMs(v).build(); }
  public NodeConfig withJoin(boolean v) { return toBuilder().join(v).build(); }
  public NodeConfig withCluster(String name, String secret) { return toBuilder().clusterName(name).clusterSecret(secret).build(); }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy of a config, for changing several fields at once. */
  public static final class Builder {
    private String nodeId;
    private String listenHost;
    private int port;
    private String dataDir;
    private Map<String, String> members;
    private List<String> seeds;
    private int n;
    private int w;
    private int r;
    private Quorum quorum;
    private ReadRepair readRepair;
    private ConflictMode conflicts;
    private FsyncPolicy fsync;
    private long fsyncIntervalMs;
    private String storage;
    private int vnodes;
    private long requestTimeoutMs;
    private long gossipIntervalMs;
    private int gossipFanout;
    private double phiThreshold;
    private long antiEntropyIntervalMs;
    private int maxFrameBytes;
    private int maxValueBytes;
    private boolean join;
    private String clusterName;
    private String clusterSecret;
    private long maxInboundBytes;
    private long frameTimeoutMs;
    private long clientIdleTimeoutMs;
    private boolean diskFaults;

    private Builder(NodeConfig c) {
      nodeId = c.nodeId; listenHost = c.listenHost; port = c.port; dataDir = c.dataDir; members = c.members;
      seeds = c.seeds; n = c.n; w = c.w; r = c.r; quorum = c.quorum; readRepair = c.readRepair;
      conflicts = c.conflicts; fsync = c.fsync; fsyncIntervalMs = c.fsyncIntervalMs; storage = c.storage;
      vnodes = c.vnodes; requestTimeoutMs = c.requestTimeoutMs; gossipIntervalMs = c.gossipIntervalMs;
      gossipFanout = c.gossipFanout; phiThreshold = c.phiThreshold; antiEntropyIntervalMs = c.antiEntropyIntervalMs;
      maxFrameBytes = c.maxFrameBytes; maxValueBytes = c.maxValueBytes; join = c.join;
      clusterName = c.clusterName; clusterSecret = c.clusterSecret; maxInboundBytes = c.maxInboundBytes;
      frameTimeoutMs = c.frameTimeoutMs; clientIdleTimeoutMs = c.clientIdleTimeoutMs;
      diskFaults = c.diskFaults;
    }

    public Builder nodeId(String v) { nodeId = v; return this; }
    public Builder listenHost(String v) { listenHost = v; return this; }
    public Builder port(int v) { port = v; return this; }
    public Builder dataDir(String v) { dataDir = v; return this; }
    public Builder members(Map<String, String> v) { members = v; return this; }
    public Builder seeds(List<String> v) { seeds = v; return this; }
    public Builder n(int v) { n = v; return this; }
    public Builder w(int v) { w = v; return this; }
    public Builder r(int v) { r = v; return this; }
    public Builder quorum(Quorum v) { quorum = v; return this; }
    public Builder readRepair(ReadRepair v) { readRepair = v; return this; }
    public Builder conflicts(ConflictMode v) { conflicts = v; return this; }
    public Builder fsync(FsyncPolicy v) { fsync = v; return this; }
    public Builder fsyncIntervalMs(long v) { fsyncIntervalMs = v; return this; }
    public Builder storage(String v) { storage = v; return this; }
    public Builder vnodes(int v) { vnodes = v; return this; }
    public Builder requestTimeoutMs(long v) { requestTimeoutMs = v; return this; }
    public Builder gossipIntervalMs(long v) { gossipIntervalMs = v; return this; }
    public Builder gossipFanout(int v) { gossipFanout = v; return this; }
    public Builder phiThreshold(double v) { phiThreshold = v; return this; }
    public Builder antiEntropyIntervalMs(long v) { antiEntropyIntervalMs = v; return this; }
    public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
    public Builder maxValueBytes(int v) { maxValueBytes = v; return this; }
    public Builder join(boolean v) { join = v; return this; }
    public Builder clusterName(String v) { clusterName = v; return this; }
    public Builder clusterSecret(String v) { clusterSecret = v; return this; }
    public Builder maxInboundBytes(long v) { maxInboundBytes = v; return this; }
    public Builder frameTimeoutMs(long v) { frameTimeoutMs = v; return this; }
    public Builder clientIdleTimeoutMs(long v) { clientIdleTimeoutMs = v; return this; }
    public Builder diskFaults(boolean v) { diskFaults = v; return this; }

    public NodeConfig build() {
      return new NodeConfig(nodeId, listenHost, port, dataDir, members, seeds, n, w, r, quorum, readRepair, conflicts,
          fsync, fsyncIntervalMs, storage, vnodes, requestTimeoutMs, gossipIntervalMs, gossipFanout, phiThreshold,
          antiEntropyIntervalMs, maxFrameBytes, maxValueBytes, join, clusterName, clusterSecret, maxInboundBytes,
          frameTimeoutMs, clientIdleTimeoutMs, diskFaults);
    }
  }
}
