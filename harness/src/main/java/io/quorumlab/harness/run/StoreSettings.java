package io.quorumlab.harness.run;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every node of a cluster shares, as one typed value: what {@code run} and
 * {@code compare} put in a run's spec, what {@code serve} and {@code cluster start} lay over a
 * node's config, and what a backend writes into each node's config. A value that exists is valid
 * on its own; whether N fits the cluster is the {@link RunSpec}'s to say.
 *
 * @param n replicas per key
 * @param w write quorum
 * @param r read quorum
 * @param quorum strict, or sloppy (fallback nodes count when replicas are unreachable)
 * @param readRepair off, async or blocking
 * @param conflicts siblings, lww or abd
 * @param fsync WAL sync policy
 * @param fsyncIntervalMs WAL sync interval for {@code --fsync periodic}
 * @param storage "rocksdb" or "memory"
 * @param vnodes virtual nodes per node
 * @param requestTimeoutMs coordinator timeout for reaching a quorum
 * @param gossipIntervalMs gossip round interval
 * @param gossipFanout peers contacted per gossip round
 * @param phiThreshold phi-accrual conviction threshold
 * @param antiEntropyIntervalMs Merkle-tree exchange interval; 0 disables anti-entropy
 */
public record StoreSettings(int n, int w, int r, Quorum quorum, ReadRepair readRepair, ConflictMode conflicts, FsyncPolicy fsync,
    long fsyncIntervalMs, String storage, int vnodes, long requestTimeoutMs, long gossipIntervalMs, int gossipFanout,
    double phiThreshold, long antiEntropyIntervalMs) {

  /** The store's own defaults ({@link NodeConfig#defaults}): what a node runs with when nothing is said. */
  public static final StoreSettings STORE_DEFAULTS = of(NodeConfigs.template());

  /** @throws SpecException naming the option that is out of range */
  public StoreSettings {
    if (n < 1) throw new SpecException("N=" + n + " needs N >= 1");
    if (w < 1 || w > n) throw new SpecException("W=" + w + " needs 1 <= W <= N (" + n + ")");
    if (r < 1 || r > n) throw new SpecException("R=" + r + " needs 1 <= R <= N (" + n + ")");
    if (quorum == null || readRepair == null || conflicts == null || fsync == null) {
      throw new SpecException("the quorum, read repair, conflict and fsync modes must all be given");
    }
    if (fsyncIntervalMs < 1) throw new SpecException("--fsync-interval-ms must be positive, not " + fsyncIntervalMs);
    if (!"rocksdb".equals(storage) && !"memory".equals(storage)) {
      throw new SpecException("unknown --storage '" + storage + "' (expected rocksdb or memory)");
    }
    if (vnodes < 1) throw new SpecException("--vnodes must be at least 1, not " + vnodes);
    if (requestTimeoutMs < 1 || requestTimeoutMs > RunLimits.MAX_REQUEST_TIMEOUT_MS) {
      throw new SpecException("--request-timeout-ms must be between 1 and " + RunLimits.MAX_REQUEST_TIMEOUT_MS + ", not " + requestTimeoutMs);
    }
    if (gossipIntervalMs < 1) throw new SpecException("--gossip-interval-ms must be positive, not " + gossipIntervalMs);
    if (gossipFanout < 1) throw new SpecException("--gossip-fanout must be at least 1, not " + gossipFanout);
    if (!(phiThreshold > 0) || Double.isInfinite(phiThreshold)) throw new SpecException("--phi-threshold must be positive, not " + phiThreshold);
    if (antiEntropyIntervalMs < 0) throw new SpecException("--anti-entropy-interval-ms must not be negative (0 disables it)");
  }

  /** The shared settings of a node's config. */
  public static StoreSettings of(NodeConfig c) {
    return new StoreSettings(c.n(), c.w(), c.r(), c.quorum(), c.readRepair(), c.conflicts(), c.fsync(), c.fsyncIntervalMs(),
        c.storage(), c.vnodes(), c.requestTimeoutMs(), c.gossipIntervalMs(), c.gossipFanout(), c.phiThreshold(),
        c.antiEntropyIntervalMs());
  }

  /** {@code c} with these settings (its identity and membership as they were). */
  public NodeConfig applyTo(NodeConfig c) {
    return c.toBuilder().n(n).w(w).r(r).quorum(quorum).readRepair(readRepair).conflicts(conflicts).fsync(fsync)
        .fsyncIntervalMs(fsyncIntervalMs).storage(storage).vnodes(vnodes).requestTimeoutMs(requestTimeoutMs)
        .gossipIntervalMs(gossipIntervalMs).gossipFanout(gossipFanout).phiThreshold(phiThreshold)
        .antiEntropyIntervalMs(antiEntropyIntervalMs).build();
  }

  public StoreSettings withQuorums(int newN, int newW, int newR) {
    return new StoreSettings(newN, newW, newR, quorum, readRepair, conflicts, fsync, fsyncIntervalMs, storage, vnodes,
        requestTimeoutMs, gossipIntervalMs, gossipFanout, phiThreshold, antiEntropyIntervalMs);
  }

  public StoreSettings withModes(Quorum newQuorum, ReadRepair newReadRepair, ConflictMode newConflicts, FsyncPolicy newFsync) {
    return new StoreSettings(n, w, r, newQuorum, newReadRepair, newConflicts, newFsync, fsyncIntervalMs, storage, vnodes,
        requestTimeoutMs, gossipIntervalMs, gossipFanout, phiThreshold, antiEntropyIntervalMs);
  }

  /** "N=3 W=2 R=2 lww sloppy", for progress lines and tables. */
  public String label() {
    return "N=" + n + " W=" + w + " R=" + r + " " + conflicts.wireName() + " " + quorum.wireName();
  }

  /** Every mode spelled out: "N=3 W=2 R=2 abd strict rr=blocking fsync=always". */
  public String describe() {
    return "N=" + n + " W=" + w + " R=" + r + " " + conflicts.wireName() + " " + quorum.wireName() + " rr=" + readRepair.wireName()
        + " fsync=" + fsync.wireName();
  }

  /** Each setting under its option's name ({@code read-repair}), enums in lower case: part of {@code spec.json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", n);
    m.put("w", w);
    m.put("r", r);
    m.put("quorum", quorum.wireName());
    m.put("read-repair", readRepair.wireName());
    m.put("conflicts", conflicts.wireName());
    m.put("fsync", fsync.wireName());
    m.put("fsync-interval-ms", fsyncIntervalMs);
    m.put("storage", storage);
    m.put("vnodes", vnodes);
    m.put("request-timeout-ms", requestTimeoutMs);
    m.put("gossip-interval-ms", gossipIntervalMs);
    m.put("gossip-fanout", gossipFanout);
    m.put("phi-threshold", phiThreshold);
    m.put("anti-entropy-interval-ms", antiEntropyIntervalMs);
    return m;
  }

  /**
   * Reads {@link #toMap()} back; settings the map lacks (a spec written before they were recorded)
   * are {@code defaults}'.
   *
   * @throws IllegalArgumentException naming a setting that is not of its type
   */
  public static StoreSettings fromMap(Map<String, Object> m, StoreSettings d) {
    SpecMap s = new SpecMap(m);
    return new StoreSettings(s.integer("n", d.n), s.integer("w", d.w), s.integer("r", d.r),
        s.enumOf(Quorum.class, "quorum", d.quorum), s.enumOf(ReadRepair.class, "read-repair", d.readRepair),
        s.enumOf(ConflictMode.class, "conflicts", d.conflicts), s.enumOf(FsyncPolicy.class, "fsync", d.fsync),
        s.longNumber("fsync-interval-ms", d.fsyncIntervalMs), s.str("storage", d.storage), s.integer("vnodes", d.vnodes),
        s.longNumber("request-timeout-ms", d.requestTimeoutMs), s.longNumber("gossip-interval-ms", d.gossipIntervalMs),
        s.integer("gossip-fanout", d.gossipFanout), s.number("phi-threshold", d.phiThreshold),
        s.longNumber("anti-entropy-interval-ms", d.antiEntropyIntervalMs));
  }

}
