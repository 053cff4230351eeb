package io.quorumlab.harness.cluster.local;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.StoreClusterContract;
import io.quorumlab.store.config.NodeConfig;

/** The local backend (node JVMs behind frame proxies) through the real store. */
class LocalStoreClusterTest extends StoreClusterContract {
  @Override
  protected Cluster newCluster(NodeConfig template) throws Exception {
    return new LocalCluster(LocalClusterOptions.of(5, template));
  }
}
