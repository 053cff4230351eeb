package io.quorumlab.sim;

/** Prints the trace digest of {@link ChaosScenario} for the seed given (run in a fresh JVM by a test). */
public final class DigestMain {
  public static void main(String[] args) {
    System.out.println(Long.toHexString(digest(Long.parseLong(args[0]))));
  }

  static long digest(long seed) {
    Simulation sim = new Simulation(ChaosScenario.config(seed));
    new ChaosScenario().accept(sim);
    return sim.trace().digest();
  }
}
