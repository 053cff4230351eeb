package io.quorumlab.store.antientropy;

import java.util.Arrays;

/** A key and the digest of its stored version(s): equal digests mean nothing to repair. */
public record KeyDigest(byte[] key, byte[] digest) {
  public KeyDigest {
    key = key.clone();
    digest = digest.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyDigest k && Arrays.equals(key, k.key) && Arrays.equals(digest, k.digest);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(digest);
  }
}
