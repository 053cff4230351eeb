package io.quorumlab.store.services;

import io.quorumlab.store.handoff.OrderedBytes;
import io.quorumlab.store.storage.Storage;
import java.util.Arrays;

/** The storage engine's HINTS space as the ordered byte map the durable hint store needs. */
final class HintBytes implements OrderedBytes {
  private final Storage storage;

  HintBytes(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void put(byte[] key, byte[] value) {
    storage.put(Storage.Space.HINTS, key, value);
  }

  @Override
  public void delete(byte[] key) {
    storage.delete(Storage.Space.HINTS, key);
  }

  @Override
  public void scan(byte[] prefix, Visitor visitor) {
    storage.scan(Storage.Space.HINTS, prefix, (key, value) ->
        key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)
            && visitor.visit(key, value));
  }
}
