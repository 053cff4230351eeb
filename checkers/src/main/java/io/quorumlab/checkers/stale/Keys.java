package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Operation;

/** How explanations name where an op happened. */
final class Keys {
  private Keys() {}

  /** "key 3: ", or nothing for a history of one unkeyed register. */
  static String prefix(Object key) {
    return key == null ? "" : "key " + Values.show(key) + ": ";
  }

  /** " through n2", or nothing when the history does not say. */
  static String through(Operation o) {
    return o.invoke().node() == null ? "" : " through " + o.invoke().node();
  }
}
