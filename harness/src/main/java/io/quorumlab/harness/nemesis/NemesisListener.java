package io.quorumlab.harness.nemesis;

/** Receives every fault transition of a schedule, on the run's event loop. */
@FunctionalInterface
public interface NemesisListener {
  void onEvent(NemesisEvent event);
}
