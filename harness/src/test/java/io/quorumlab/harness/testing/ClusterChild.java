package io.quorumlab.harness.testing;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.docker.DockerCluster;
import io.quorumlab.harness.cluster.docker.DockerClusterOptions;
import io.quorumlab.harness.cluster.local.LocalCluster;
import io.quorumlab.harness.cluster.local.LocalClusterOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A harness in a child JVM, for the tests that interrupt one: starts a cluster, prints one line
 * {@code READY <ids>} (local: the node pids; docker: the run id) and waits to be signalled. A local
 * cluster's working directory is printed before, as {@code DIR <path>}.
 *
 * <p>Arguments: {@code local|docker NODES MAIN_CLASS}.
 */
public final class ClusterChild {
  public static void main(String[] args) throws Exception {
    int nodes = Integer.parseInt(args[1]);
    Cluster cluster;
    if (args[0].equals("local")) {
      cluster = new LocalCluster(LocalClusterOptions.of(nodes, NodeConfigs.template()).withMainClass(args[2]).withJvmArgs(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
    } else {
      // Default image settings, so the image of the other docker tests is reused.
      cluster = new DockerCluster(DockerClusterOptions.of(nodes, NodeConfigs.template()).withMainClass(args[2]));
    }
    cluster.start();
    List<String> ids = new ArrayList<>();
    if (cluster instanceof LocalCluster lc) {
      System.out.println("DIR " + lc.dir());
      for (String n : cluster.nodes()) ids.add(Long.toString(lc.pid(n).orElseThrow()));
    } else {
      ids.add(((DockerCluster) cluster).runId());
    }
    System.out.println("READY " + String.join(" ", ids));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
