package io.quorumlab.store.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The damage the disk nemesis does to stored records, in one place for the real nodes and the
 * simulated disks: a torn write leaves a prefix of the record's bytes, corruption flips the bits of
 * one byte. Both work on the bytes as the engine stores them (checksummed records), below any
 * checksum, as a disk would.
 */
public final class RecordDamage {
  private RecordDamage() {}

  /** The first 1..length-1 bytes of {@code stored}: what reached the disk of a write cut short. */
  public static byte[] torn(byte[] stored, RandomGenerator random) {
    if (stored.length < 2) {
      return new byte[0];
    }
    return Arrays.copyOf(stored, 1 + random.nextInt(stored.length - 1));
  }

  /** {@code stored} with one byte's bits flipped by a random non-zero mask. */
  public static byte[] flipped(byte[] stored, RandomGenerator random) {
    byte[] out = stored.clone();
    if (out.length > 0) {
      int at = random.nextInt(out.length);
      out[at] ^= (byte) (1 + random.nextInt(255));
    }
    return out;
  }

  /** Up to {@code count} keys of {@code space}, chosen uniformly (reservoir sampling), in key order. */
  public static List<byte[]> pick(Storage engine, Storage.Space space, int count, RandomGenerator random) {
    List<byte[]> chosen = new ArrayList<>();
    long[] seen = {0};
    engine.scan(space, new byte[0], (key, value) -> {
      seen[0]++;
      if (chosen.size() < count) {
        chosen.add(key);
      } else {
        long j = random.nextLong(seen[0]);
        if (j < count) {
          chosen.set((int) j, key);
        }
      }
      return true;
    });
    chosen.sort(Arrays::compareUnsigned);
    return chosen;
  }

  /** Flips a byte of up to {@code count} random records of {@code space} in {@code engine}; returns their keys. */
  public static List<byte[]> corrupt(Storage engine, Storage.Space space, int count, RandomGenerator random) {
    List<byte[]> keys = pick(engine, space, count, random);
    for (byte[] key : keys) {
      engine.put(space, key, flipped(engine.get(space, key), random));
    }
    return keys;
  }
}
