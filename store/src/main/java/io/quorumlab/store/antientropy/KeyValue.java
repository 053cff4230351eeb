package io.quorumlab.store.antientropy;

import java.util.Arrays;

/**
 * A key and its stored versioned value, in the node's own encoding (siblings and clocks, tombstones
 * too). The arrays are shared, not copied (a wiped replica receives every value through these);
 * neither side may change them.
 */
public record KeyValue(byte[] key, byte[] value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue k && Arrays.equals(key, k.key) && Arrays.equals(value, k.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "KeyValue[" + key.length + " key bytes, " + value.length + " value bytes]";
  }
}
