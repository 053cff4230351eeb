package io.quorumlab.harness.cli.store;

import io.quorumlab.store.config.NodeConfig;
import picocli.CommandLine.Option;

/**
 * The cluster's name and shared secret, for the commands that start nodes by hand ({@code serve},
 * {@code cluster start}); a run's backends make a fresh pair for every cluster they start.
 */
public final class ClusterIdentityOptions {
  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "The cluster's name; a node of another cluster is refused as a peer (default: quorumlab; cluster start: a new one).")
  String clusterName;

  @Option(names = "--cluster-secret", paramLabel = "SECRET",
      description = "Shared by every node of the cluster; a peer must prove it knows it (default: none; cluster start: a new one).")
  String clusterSecret;

  /** {@code c} with the name and secret that were given; the others keep {@code c}'s values. */
  public NodeConfig applyTo(NodeConfig c) {
    if (clusterName == null && clusterSecret == null) return c;
    NodeConfig.Builder b = c.toBuilder();
    if (clusterName != null) b.clusterName(clusterName);
    if (clusterSecret != null) b.clusterSecret(clusterSecret);
    return b.build();
  }
}
