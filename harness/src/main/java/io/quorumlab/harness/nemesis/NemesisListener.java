package io.quorumlab.harness.nemesis;

/** Receives every fault transition of a schedule, from the schedule's thread (or healAll's caller). */
@FunctionalInterface
public interface NemesisListener {
  void onEvent(NemesisEvent event);
}
