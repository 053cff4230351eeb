package io.quorumlab.store.node;

import io.quorumlab.store.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/** Refuses configurations a node cannot honour, with one message naming every problem. */
public final class NodeConfigCheck {
  private NodeConfigCheck() {}

  /** Throws {@link IllegalArgumentException} with a one-line reason. */
  public static void validate(NodeConfig c) {
    List<String> problems = problems(c);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid node config: " + String.join("; ", problems));
    }
  }

  public static List<String> problems(NodeConfig c) {
    List<String> p = new ArrayList<>();
    if (c.nodeId() == null || c.nodeId().isBlank()) {
      p.add("nodeId is missing");
    }
    if (c.members() == null || c.members().isEmpty()) {
      p.add("members is empty");
    } else if (c.nodeId() != null && !c.members().containsKey(c.nodeId())) {
      p.add("members does not contain this node (" + c.nodeId() + ")");
    }
    if (c.port() < 0 || c.port() > 65535) {
      p.add("port=" + c.port() + " must be between 0 (any free port) and 65535");
    }
    int size = c.members() == null ? 0 : c.members().size();
    if (c.n() < 1) {
      p.add("n=" + c.n() + " must be at least 1");
    } else if (c.n() > size) {
      p.add("n=" + c.n() + " exceeds the cluster size " + size);
    }
    if (c.w() < 1 || c.w() > c.n()) {
      p.add("w=" + c.w() + " must be between 1 and n=" + c.n());
    }
    if (c.r() < 1 || c.r() > c.n()) {
      p.add("r=" + c.r() + " must be between 1 and n=" + c.n());
    }
    if (c.quorum() == null) {
      p.add("quorum is missing");
    }
    if (c.readRepair() == null) {
      p.add("readRepair is missing");
    }
    if (c.conflicts() == null) {
      p.add("conflicts is missing");
    }
    if (c.fsync() == null) {
      p.add("fsync is missing");
    }
    if (c.vnodes() < 1) {
      p.add("vnodes=" + c.vnodes() + " must be at least 1");
    }
    if (c.requestTimeoutMs() < 1) {
      p.add("requestTimeoutMs must be positive");
    }
    if (c.gossipIntervalMs() < 1) {
      p.add("gossipIntervalMs must be positive");
    }
    if (c.gossipFanout() < 1) {
      p.add("gossipFanout=" + c.gossipFanout() + " must be at least 1");
    }
    if (!(c.phiThreshold() > 0)) {
      p.add("phiThreshold=" + c.phiThreshold() + " must be positive");
    }
    if (c.antiEntropyIntervalMs() < 0) {
      p.add("antiEntropyIntervalMs must not be negative (0 disables anti-entropy)");
    }
    if (c.maxFrameBytes() < 1024) {
      p.add("maxFrameBytes=" + c.maxFrameBytes() + " is below 1024");
    }
    if (c.maxValueBytes() < 1 || c.maxValueBytes() > c.maxFrameBytes() - 512) {
      p.add("maxValueBytes=" + c.maxValueBytes() + " must be positive and leave 512 bytes of a frame for headers");
    }
    if (c.clusterName() == null || c.clusterName().isBlank() || c.clusterName().length() > 255) {
      p.add("clusterName must be 1 to 255 characters");
    }
    if (c.maxInboundBytes() < c.maxFrameBytes()) {
      p.add("maxInboundBytes=" + c.maxInboundBytes() + " must hold at least one frame of maxFrameBytes=" + c.maxFrameBytes());
    }
    if (c.frameTimeoutMs() < 1) {
      p.add("frameTimeoutMs must be positive");
    }
    if (c.clientIdleTimeoutMs() < 0) {
      p.add("clientIdleTimeoutMs must not be negative (0 keeps idle clients)");
    }
    return p;
  }
}
