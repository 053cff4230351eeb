package io.quorumlab.store.handoff;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** {@link OrderedBytes} on a sorted map, standing in for a RocksDB column family that survives restarts. */
final class TreeMapBytes implements OrderedBytes {
  final TreeMap<byte[], byte[]> map = new TreeMap<>(Arrays::compareUnsigned);
  int puts;
  int deletes;

  @Override
  public void put(byte[] key, byte[] value) {
    puts++;
    map.put(key.clone(), value.clone());
  }

  @Override
  public void delete(byte[] key) {
    deletes++;
    map.remove(key);
  }

  @Override
  public void scan(byte[] prefix, Visitor visitor) {
    for (Map.Entry<byte[], byte[]> e : map.tailMap(prefix, true).entrySet()) {
      byte[] key = e.getKey();
      if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
        return;
      }
      if (!visitor.visit(key.clone(), e.getValue().clone())) {
        return;
      }
    }
  }
}
