package io.quorumlab.harness.cli;

import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.Backends;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.StoreSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that {@code run} and {@code compare} share: where the cluster runs, what load it gets
 * and which faults. One mixin, so that an option added for {@code run} is there for {@code compare}
 * too. The store settings ({@link io.quorumlab.harness.cli.store.StoreOptions}) and the time limit
 * stay with each command: {@code compare} gives them other defaults and other meanings (defaults
 * for configurations that do not say).
 */
public final class LoadOptions {
  @Option(names = "--backend", paramLabel = "local|docker|ssh|sim",
      description = "Where the nodes run: local processes, Docker containers, machines reached over SSH (--hosts), or sim, a "
          + "deterministic simulation of the same nodes in virtual time (default: ${DEFAULT-VALUE}).")
  String backend = RunSpec.DEFAULT_BACKEND;

  @Option(names = "--nodes", paramLabel = "K", description = "Cluster size (default: ${DEFAULT-VALUE}).")
  int nodes = RunSpec.DEFAULT_NODES;

  @Option(names = "--workload", paramLabel = "register|list-append|set",
      description = "register (reads/writes; linearizability, stale reads), list-append (Elle, strict-serializable), "
          + "set (shopping cart; lost adds). Default: ${DEFAULT-VALUE}.")
  String workload = RunSpec.DEFAULT_WORKLOAD;

  @Option(names = "--nemesis", paramLabel = "FAULTS",
      description = "none, or a comma-separated list of partition, kill, pause, slow, clock, membership, disk, each optionally KIND:VARIANT[+VARIANT] "
          + "(e.g. kill:one, clock:back=2m+strobe=10s/100ms+drift=2, membership:join+leave, disk:crash+all); all for partition, kill, pause and slow (default: ${DEFAULT-VALUE}).")
  String nemesis = RunSpec.DEFAULT_NEMESIS;

  @Option(names = "--nemesis-interval", paramLabel = "S",
      description = "Seconds each fault lasts, and each recovery between faults (default: ${DEFAULT-VALUE}).")
  double nemesisInterval = RunSpec.DEFAULT_NEMESIS_INTERVAL;

  @Option(names = "--rate", paramLabel = "OPS",
      description = "Ops per second, scheduled in advance (open loop; latency counts from the schedule); 0 sends as fast "
          + "as the processes can (default: ${DEFAULT-VALUE}).")
  double rate = RunSpec.DEFAULT_RATE;

  @Option(names = "--concurrency", paramLabel = "C", description = "Processes with an op in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency = RunSpec.DEFAULT_CONCURRENCY;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the ops and the fault schedule (default: random, printed and saved in spec.json).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("runs");

  @Option(names = "--quiesce", paramLabel = "S", description = "Seconds to wait after healing, before the final reads (default: ${DEFAULT-VALUE}).")
  double quiesce = RunSpec.DEFAULT_QUIESCE;

  @Mixin SimOptions sim = new SimOptions();

  @Mixin SshOptions ssh = new SshOptions();

  Path out() {
    return out;
  }

  /**
   * The run these options describe, with the store settings and time limit the command chose. A
   * random seed leaves headroom below Long.MAX_VALUE, since compare's repeats use seed + i.
   *
   * @throws io.quorumlab.harness.SpecException naming an option out of range
   */
  RunSpec spec(StoreSettings store, double timeLimit) {
    Backends.useSsh(ssh.target(backend));
    long s = seed != null ? seed : new SecureRandom().nextLong() & (Long.MAX_VALUE >> 8);
    return new RunSpec(backend, nodes, store, new LoadSpec(workload, timeLimit, rate, concurrency, quiesce),
        NemesisPlan.of(nemesis, nemesisInterval), s, sim.network(backend));
  }
}
