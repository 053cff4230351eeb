package io.quorumlab.sim;

/** The periodic fsync of {@link io.quorumlab.store.config.FsyncPolicy#PERIODIC}: syncs, then sets the next one. */
final class DiskSync extends NodeEvent {
  DiskSync(SimNode target, int incarnation) {
    super(target, incarnation);
  }

  @Override
  void run() {
    target.sim.trace().record(TraceKind.SYNC, target.index, -1, target.disk.unsyncedWrites(), null);
    target.disk.sync();
    target.scheduleSync();
  }
}
