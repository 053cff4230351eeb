package io.quorumlab.harness.cli.store;

import io.quorumlab.harness.run.StoreSettings;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The store's settings on the command line, the one mixin of {@code run}, {@code compare},
 * {@code serve} and {@code cluster start}. Each command says its defaults with a
 * {@link Defaults} provider (so its help shows them): {@code run} the run's, the node commands the
 * store's. {@link #over} makes the settings a run uses; {@link #applyTo} lays the options actually
 * given over a node's config, keeping what a config file said for the rest.
 */
public final class StoreOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--n", paramLabel = "N", description = "Replicas per key (default: ${DEFAULT-VALUE}).")
  Integer n;

  @Option(names = "--w", paramLabel = "W", description = "Write quorum (default: ${DEFAULT-VALUE}).")
  Integer w;

  @Option(names = "--r", paramLabel = "R", description = "Read quorum (default: ${DEFAULT-VALUE}).")
  Integer r;

  @Option(names = "--quorum", paramLabel = "sloppy|strict",
      description = "sloppy counts fallback nodes when replicas are unreachable (default: ${DEFAULT-VALUE}).")
  Quorum quorum;

  @Option(names = "--read-repair", paramLabel = "off|async|blocking", description = "Read repair (default: ${DEFAULT-VALUE}).")
  ReadRepair readRepair;

  @Option(names = "--conflicts", paramLabel = "siblings|lww|abd",
      description = "Concurrent versions: kept as siblings, last writer wins, or the ABD register (default: ${DEFAULT-VALUE}).")
  ConflictMode conflicts;

  @Option(names = "--fsync", paramLabel = "always|periodic|never", description = "WAL sync policy (default: ${DEFAULT-VALUE}).")
  FsyncPolicy fsync;

  @Option(names = "--fsync-interval-ms", paramLabel = "MS", description = "WAL sync interval for --fsync periodic (default: ${DEFAULT-VALUE}).")
  Long fsyncIntervalMs;

  @Option(names = "--storage", paramLabel = "rocksdb|memory", description = "Storage engine (default: ${DEFAULT-VALUE}).")
  String storage;

  @Option(names = "--vnodes", paramLabel = "K", description = "Virtual nodes per node (default: ${DEFAULT-VALUE}).")
  Integer vnodes;

  @Option(names = "--request-timeout-ms", paramLabel = "MS",
      description = "Coordinator timeout for reaching a quorum; an op that hits it is indeterminate (default: ${DEFAULT-VALUE}).")
  Long requestTimeoutMs;

  @Option(names = "--gossip-interval-ms", paramLabel = "MS", description = "Gossip round interval (default: ${DEFAULT-VALUE}).")
  Long gossipIntervalMs;

  @Option(names = "--gossip-fanout", paramLabel = "K", description = "Peers contacted per gossip round (default: ${DEFAULT-VALUE}).")
  Integer gossipFanout;

  @Option(names = "--phi-threshold", paramLabel = "PHI", description = "Phi-accrual conviction threshold (default: ${DEFAULT-VALUE}).")
  Double phiThreshold;

  @Option(names = "--anti-entropy-interval-ms", paramLabel = "MS",
      description = "Merkle-tree exchange interval, 0 disables (default: ${DEFAULT-VALUE}).")
  Long antiEntropyIntervalMs;

  /** True when {@code option} ("--read-repair") was given on the command line, not defaulted. */
  public boolean given(String option) {
    if (mixee == null || mixee.commandLine() == null || mixee.commandLine().getParseResult() == null) return false;
    return mixee.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** True when the user set N, W or R explicitly. */
  public boolean setsQuorumSizes() {
    return given("--n") || given("--w") || given("--r");
  }

  /** The read repair given on the command line, or null when it was not given. */
  public ReadRepair givenReadRepair() {
    return given("--read-repair") ? readRepair : null;
  }

  /**
   * The settings these options make: each option given, else {@code defaults}' value.
   *
   * @throws io.quorumlab.harness.SpecException naming a setting out of range
   */
  public StoreSettings over(StoreSettings defaults) {
    return StoreSettings.of(applyTo(defaults.applyTo(NodeConfig.defaults("n1", 0, "", Map.of()))));
  }

  /** {@code c} with every option that was given; the others keep {@code c}'s values. */
  public NodeConfig applyTo(NodeConfig c) {
    NodeConfig.Builder b = c.toBuilder();
    if (given("--n")) b.n(n);
    if (given("--w")) b.w(w);
    if (given("--r")) b.r(r);
    if (given("--quorum")) b.quorum(quorum);
    if (given("--read-repair")) b.readRepair(readRepair);
    if (given("--conflicts")) b.conflicts(conflicts);
    if (given("--fsync")) b.fsync(fsync);
    if (given("--fsync-interval-ms")) b.fsyncIntervalMs(fsyncIntervalMs);
    if (given("--storage")) b.storage(storage);
    if (given("--vnodes")) b.vnodes(vnodes);
    if (given("--request-timeout-ms")) b.requestTimeoutMs(requestTimeoutMs);
    if (given("--gossip-interval-ms")) b.gossipIntervalMs(gossipIntervalMs);
    if (given("--gossip-fanout")) b.gossipFanout(gossipFanout);
    if (given("--phi-threshold")) b.phiThreshold(phiThreshold);
    if (given("--anti-entropy-interval-ms")) b.antiEntropyIntervalMs(antiEntropyIntervalMs);
    return b.build();
  }

  /**
   * A command's defaults for these options, from one {@link StoreSettings}: picocli shows them in
   * the help and fills them in for options not given. Other options keep their own defaults.
   */
  public abstract static class Defaults implements IDefaultValueProvider {
    private final Map<String, Object> values;

    protected Defaults(StoreSettings defaults) {
      values = defaults.toMap();
    }

    @Override
    public String defaultValue(ArgSpec arg) {
      if (!(arg instanceof OptionSpec option)) return null;
      Object v = values.get(option.longestName().replaceFirst("^--", ""));
      return v == null ? null : v.toString();
    }
  }

  /** The store's own defaults: {@code serve}, {@code cluster start}. */
  public static final class StoreDefaults extends Defaults {
    public StoreDefaults() {
      super(StoreSettings.STORE_DEFAULTS);
    }
  }
}
