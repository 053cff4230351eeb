package io.quorumlab.store.antientropy;

import java.util.Arrays;

/** A key and its stored versioned value, in the node's own encoding (siblings and clocks, tombstones too). */
public record KeyValue(byte[] key, byte[] value) {
  public KeyValue {
    key = key.clone();
    value = value.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue k && Arrays.equals(key, k.key) && Arrays.equals(value, k.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }
}
