package io.quorumlab.sim;

/**
 * How the simulated disks lose data. A node's writes reach its disk's page cache at once; an
 * fsync (per the node's {@link io.quorumlab.store.config.FsyncPolicy}) makes them durable.
 *
 * @param killIsPowerLoss true: a kill is a power failure of the node's machine, losing every write
 *     not yet durable; false: a kill is a process crash (kill -9), after which the operating system
 *     still writes back its page cache, so nothing written is lost
 * @param writebackMs how old unsynced data must be before the operating system writes it back on its
 *     own (Linux's dirty_expire_centisecs: 30 s); negative: never
 */
public record DiskConfig(boolean killIsPowerLoss, long writebackMs) {

  /** A kill is a power failure; the OS writes back data older than 30 s. */
  public static DiskConfig defaults() {
    return new DiskConfig(true, 30_000);
  }

  public DiskConfig withKillIsPowerLoss(boolean value) {
    return new DiskConfig(value, writebackMs);
  }

  public DiskConfig withWritebackMs(long value) {
    return new DiskConfig(killIsPowerLoss, value);
  }
}
