package io.quorumlab.harness.cluster.docker;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.StoreClusterContract;
import io.quorumlab.harness.testing.RequiresDocker;
import io.quorumlab.store.config.NodeConfig;

/** The docker backend (containers, iptables) through the real store. */
@RequiresDocker
class DockerStoreClusterTest extends StoreClusterContract {
  @Override
  protected Cluster newCluster(NodeConfig template) {
    return new DockerCluster(DockerClusterOptions.of(5, template));
  }
}
