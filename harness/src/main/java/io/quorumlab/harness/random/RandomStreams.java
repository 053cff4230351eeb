package io.quorumlab.harness.random;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A run's randomness: one seed, from which each component that makes choices (the workload's
 * generator, the nemesis schedule, in a simulation the network) takes a stream of its own, named
 * for it. Equal seeds give equal streams, so a run's choices are a function of its seed; streams
 * of different names are independent, so a component that draws more or less (a longer run, one
 * more fault kind) leaves every other component's choices as they were.
 */
public final class RandomStreams {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The stream named {@code name}, from its beginning (each call returns a fresh one). */
  public RandomGenerator stream(String name) {
    return new SplittableRandom(streamSeed(seed, name));
  }

  /** The seed of stream {@code name}: the run's seed and the name's bytes, mixed (SplitMix64's finaliser). */
  static long streamSeed(long seed, String name) {
    long h = mix(seed);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) h = mix(h + GOLDEN_GAMMA + (b & 0xff));
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A shuffled copy of {@code items} (Fisher-Yates), drawing from {@code random}. */
  public static <T> List<T> shuffled(List<T> items, RandomGenerator random) {
    List<T> out = new ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }
}
