package io.quorumlab.harness.cluster.ssh;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.StoreClusterContract;
import io.quorumlab.harness.testing.RequiresDocker;
import io.quorumlab.store.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;

/** The ssh backend (MINA SSHD, iptables and signals on the hosts) through the real store, on five sshd containers. */
@RequiresDocker
@RequiresSshHosts
class SshStoreClusterTest extends StoreClusterContract {
  private SshHostContainers hosts;

  @Override
  protected Cluster newCluster(NodeConfig template) throws Exception {
    hosts = new SshHostContainers();
    hosts.start(5, 0);
    return new SshCluster(hosts.options(template));
  }

  /** Runs before the contract's own @AfterAll: the cluster must tear down while its hosts are still there. */
  @AfterAll
  void removeHosts() {
    if (cluster != null) cluster.close();
    if (hosts != null) hosts.close();
  }
}
