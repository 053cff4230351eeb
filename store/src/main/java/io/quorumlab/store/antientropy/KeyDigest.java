package io.quorumlab.store.antientropy;

import java.util.Arrays;

/**
 * A key and the digest of its stored version(s): equal digests mean nothing to repair. The arrays
 * are shared, not copied (there are many of these per session); neither side may change them.
 */
public record KeyDigest(byte[] key, byte[] digest) {
  @Override
  public boolean equals(Object o) {
    return o instanceof KeyDigest k && Arrays.equals(key, k.key) && Arrays.equals(digest, k.digest);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return "KeyDigest[" + key.length + " key bytes, " + digest.length + " digest bytes]";
  }
}
