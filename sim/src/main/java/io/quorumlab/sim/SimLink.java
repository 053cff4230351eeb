package io.quorumlab.sim;

import java.util.Objects;

/** A directed link between two nodes: what {@code from} sends to {@code to}. */
public record SimLink(String from, String to) {
  public SimLink {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("a link joins two different nodes, not " + from + " to itself");
    }
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}
