package io.quorumlab.harness.compare;

import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.StoreSettings;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;

/**
 * One configuration of a comparison, as written in {@code --configs} ({@code 3/2/2:sloppy:rr=off}).
 * Modes it does not give (null here) come from the command's options.
 *
 * @param text the configuration as the user wrote it, the row's name
 * @param expect this configuration's expectation, or null for the command's {@code --expect}
 */
public record ConfigSpec(String text, int n, int w, int r, Quorum quorum, ReadRepair readRepair, ConflictMode conflicts,
    FsyncPolicy fsync, Expectation expect) {

  /**
   * The run's spec: {@code base} with this configuration's N, W, R and modes. Read repair, when
   * neither the configuration nor the command gives it, is blocking under abd (ABD's write-back
   * phase is what makes its reads linearizable) and {@code base}'s otherwise.
   *
   * @param commandReadRepair the command's {@code --read-repair}, or null when it was not given
   */
  public RunSpec applyTo(RunSpec base, ReadRepair commandReadRepair) {
    StoreSettings b = base.store();
    ConflictMode c = conflicts != null ? conflicts : b.conflicts();
    ReadRepair rr = readRepair != null ? readRepair
        : commandReadRepair != null ? commandReadRepair
        : c == ConflictMode.ABD ? ReadRepair.BLOCKING : b.readRepair();
    return base.withStore(b.withQuorums(n, w, r).withModes(quorum != null ? quorum : b.quorum(), rr, c, fsync != null ? fsync : b.fsync()));
  }

  /** Every setting of a run spelled out: "N=3 W=2 R=2 abd strict rr=blocking fsync=always". */
  public static String settings(RunSpec s) {
    return s.store().describe();
  }

}
