package io.quorumlab.harness.time;

/**
 * Measures how long the harness's own computation took (a checker's search), for a progress line.
 * It reads this machine's clock, never a run's: nothing a run records or decides depends on it, so
 * a run in virtual time stays a function of its seed.
 */
public final class Stopwatch {
  private final long start = System.nanoTime();

  private Stopwatch() {}

  public static Stopwatch start() {
    return new Stopwatch();
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
