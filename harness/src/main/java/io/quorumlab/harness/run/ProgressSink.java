package io.quorumlab.harness.run;

/** Where a run reports how it is going: the console, a compare table's progress line, or nowhere. */
public interface ProgressSink {

  /** A phase begins ("setup", "load", "heal", "quiesce", "final-reads", "teardown", "check", "report"). */
  void phase(String phase, String detail);

  /** About twice a second while the load runs. */
  void load(LoadStatus status);

  /** Something worth a line of its own: a fault starting or ending, a warning. */
  void event(String line);

  ProgressSink NONE = new ProgressSink() {
    @Override
    public void phase(String phase, String detail) {}

    @Override
    public void load(LoadStatus status) {}

    @Override
    public void event(String line) {}
  };

  /**
   * @param elapsedNanos since the load began
   * @param totalNanos the load's time limit
   * @param opsPerSecond completions per second over the last second or so
   * @param fault the fault in force, or null
   * @param behindNanos how late the last op was sent against its schedule
   */
  record LoadStatus(long elapsedNanos, long totalNanos, double opsPerSecond, long ok, long fail, long info, String fault,
      long behindNanos) {}
}
