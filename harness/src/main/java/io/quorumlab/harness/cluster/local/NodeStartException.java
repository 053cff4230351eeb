package io.quorumlab.harness.cluster.local;

import java.io.IOException;

/** A node process did not come up; the message carries the end of its log. */
public final class NodeStartException extends IOException {
  NodeStartException(String node, String what, String logTail) {
    super(node + " " + what + "; last lines of its log:\n" + logTail);
  }
}
