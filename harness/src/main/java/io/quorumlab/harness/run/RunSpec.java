package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.store.config.ConflictMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a run, in parts each checked when it is made: where the nodes run and how
 * many, the store's settings, the load, the faults, and the seed. With the same spec the same ops
 * are generated and the same fault schedule is drawn. {@link #toMap()} is what {@code spec.json}
 * holds: one flat map of every option in command-line spelling, as it has always been, so that
 * {@code quorumlab report} reads run directories of every version (settings an older one did not
 * record take the defaults it ran with). Its {@link SpecFormat} version says whether a run can be
 * replayed exactly.
 *
 * @param backend "local", "docker", or another {@link Backend}'s name
 * @param nodes cluster size
 * @param store the settings every node shares
 * @param load the workload and how it is driven
 * @param nemesis the faults and their interval
 * @param seed drives the ops, the keys, the values and the fault schedule (see {@link io.quorumlab.harness.random.RandomStreams})
 *     (and, in a simulation, every other random choice)
 * @param network the simulated network, or null: the backend's own (real machines have a real network;
 *     a simulation without one simulates {@link NetworkSpec#DEFAULT})
 * @param faults faults at explicit times, in addition to those the nemesis draws (a shrunk run has
 *     only these); {@link FaultScript#NONE} for none
 */
public record RunSpec(String backend, int nodes, StoreSettings store, LoadSpec load, NemesisPlan nemesis, long seed,
    NetworkSpec network, FaultScript faults) {

  public static final String DEFAULT_BACKEND = "local";
  public static final int DEFAULT_NODES = 5;
  /**
   * The store settings of {@code quorumlab run}: the store's defaults with W=1 R=1 and
   * last-writer-wins, the fast settings many deployments run (see {@link #defaults}).
   */
  public static final StoreSettings DEFAULT_STORE = StoreSettings.STORE_DEFAULTS.withQuorums(3, 1, 1)
      .withModes(StoreSettings.STORE_DEFAULTS.quorum(), StoreSettings.STORE_DEFAULTS.readRepair(), ConflictMode.LWW,
          StoreSettings.STORE_DEFAULTS.fsync());
  public static final String DEFAULT_WORKLOAD = "register";
  public static final String DEFAULT_NEMESIS = "partition";
  public static final double DEFAULT_NEMESIS_INTERVAL = 10;
  public static final double DEFAULT_TIME_LIMIT = 60;
  public static final double DEFAULT_RATE = 100;
  /**
   * Enough processes that ops stuck on an unreachable node (each holds its process for up to a
   * request timeout) do not stall the whole load at 100 ops/s.
   */
  public static final int DEFAULT_CONCURRENCY = 30;
  public static final double DEFAULT_QUIESCE = 5;
  public static final LoadSpec DEFAULT_LOAD = new LoadSpec(DEFAULT_WORKLOAD, DEFAULT_TIME_LIMIT, DEFAULT_RATE, DEFAULT_CONCURRENCY,
      DEFAULT_QUIESCE);

  /** @throws SpecException when the cluster cannot hold the store's N replicas */
  public RunSpec {
    if (backend == null || backend.isBlank()) throw new SpecException("--backend is empty");
    if (nodes < 1) throw new SpecException("--nodes must be at least 1, not " + nodes);
    if (store.n() > nodes) throw new SpecException("N=" + store.n() + " needs 1 <= N <= nodes (" + nodes + ")");
    faults = faults == null ? FaultScript.NONE : faults;
  }

  /** A run whose faults are all the nemesis's. */
  public RunSpec(String backend, int nodes, StoreSettings store, LoadSpec load, NemesisPlan nemesis, long seed, NetworkSpec network) {
    this(backend, nodes, store, load, nemesis, seed, network, FaultScript.NONE);
  }

  /** A run on the backend's own network. */
  public RunSpec(String backend, int nodes, StoreSettings store, LoadSpec load, NemesisPlan nemesis, long seed) {
    this(backend, nodes, store, load, nemesis, seed, null);
  }

  /**
   * The defaults of {@code quorumlab run}, chosen so that a first run finds anomalies within its
   * minute and can explain them: 5 nodes, N=3 W=1 R=1 (the fast setting many deployments run),
   * sloppy quorum, async read repair, last-writer-wins, the register workload, partitions that come
   * and go every 10 s, 100 ops/s from 30 processes for 60 s. (W=2 R=2 with a sloppy quorum shows its
   * anomalies only once partitions outlast the failure detector's conviction time, 5-9 s with the
   * defaults, and then not in every run: too unreliable for a first run.)
   */
  public static RunSpec defaults(long seed) {
    return new RunSpec(DEFAULT_BACKEND, DEFAULT_NODES, DEFAULT_STORE, DEFAULT_LOAD,
        NemesisPlan.of(DEFAULT_NEMESIS, DEFAULT_NEMESIS_INTERVAL), seed);
  }

  /** The workload's name. */
  public String workload() {
    return load.workload();
  }

  /** "N=3 W=2 R=2 lww sloppy", for progress lines and tables. */
  public String label() {
    return store.label();
  }

  public RunSpec withStore(StoreSettings newStore) {
    return new RunSpec(backend, nodes, newStore, load, nemesis, seed, network, faults);
  }

  public RunSpec withQuorums(int n, int w, int r) {
    return withStore(store.withQuorums(n, w, r));
  }

  public RunSpec withLoad(LoadSpec newLoad) {
    return new RunSpec(backend, nodes, store, newLoad, nemesis, seed, network, faults);
  }

  public RunSpec withWorkload(String newWorkload) {
    return withLoad(load.withWorkload(newWorkload));
  }

  public RunSpec withNemesis(NemesisPlan newNemesis) {
    return new RunSpec(backend, nodes, store, load, newNemesis, seed, network, faults);
  }

  public RunSpec withSeed(long newSeed) {
    return new RunSpec(backend, nodes, store, load, nemesis, newSeed, network, faults);
  }

  public RunSpec withBackend(String newBackend, int newNodes) {
    return new RunSpec(newBackend, newNodes, store, load, nemesis, seed, network, faults);
  }

  public RunSpec withNetwork(NetworkSpec newNetwork) {
    return new RunSpec(backend, nodes, store, load, nemesis, seed, newNetwork, faults);
  }

  public RunSpec withFaults(FaultScript newFaults) {
    return new RunSpec(backend, nodes, store, load, nemesis, seed, network, newFaults);
  }

  /** The spec as {@code spec.json} records it: every option, in command-line spelling, with the seed. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SpecFormat.KEY, SpecFormat.CURRENT);
    m.put("workload", load.workload());
    m.put("backend", backend);
    m.put("nodes", nodes);
    m.putAll(store.toMap());
    m.put("nemesis", nemesis.text());
    m.put("nemesis-interval", nemesis.intervalSeconds());
    if (!faults.isEmpty()) m.put(FaultScript.KEY, faults.toList());
    m.putAll(load.toMap());
    if (network != null) m.putAll(network.toMap());
    m.put("seed", seed);
    return m;
  }

  /**
   * Reads a spec back from {@code spec.json}; options it lacks take the defaults of
   * {@code quorumlab run}, which are what a run of an older version that did not record them used.
   *
   * @throws IllegalArgumentException naming an option that is not of its type
   * @throws SpecException naming an option that is out of range
   */
  public static RunSpec fromMap(Map<String, Object> m) {
    SpecMap s = new SpecMap(m);
    return new RunSpec(s.str("backend", DEFAULT_BACKEND), s.integer("nodes", DEFAULT_NODES), StoreSettings.fromMap(m, DEFAULT_STORE),
        LoadSpec.fromMap(s, DEFAULT_LOAD),
        NemesisPlan.of(s.str("nemesis", DEFAULT_NEMESIS), s.number("nemesis-interval", DEFAULT_NEMESIS_INTERVAL)),
        s.longNumber("seed", 0), NetworkSpec.fromMap(s), FaultScript.fromMap(m.get(FaultScript.KEY)));
  }
}
