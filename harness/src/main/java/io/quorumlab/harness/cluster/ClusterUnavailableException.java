package io.quorumlab.harness.cluster;

import io.quorumlab.harness.SpecException;

/**
 * The chosen backend cannot run here (no Docker engine answers, the base image is missing and
 * cannot be pulled, ...). Thrown before any node starts; the message says how to fix it. The CLI
 * reports it as one line with exit code 254, like any bad argument.
 */
public class ClusterUnavailableException extends SpecException {
  public ClusterUnavailableException(String message) {
    super(message);
  }
}
