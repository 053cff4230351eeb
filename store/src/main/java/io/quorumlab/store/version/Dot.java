package io.quorumlab.store.version;

/** One write event: the {@code counter}-th version of a key that {@code node} coordinated. */
public record Dot(String node, long counter) {
  @Override
  public String toString() {
    return node + ":" + counter;
  }
}
