package io.quorumlab.harness.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;

/** Removes the containers and networks that crashed harnesses on this host left behind. */
final class StaleRuns {
  private StaleRuns() {}

  /** Returns the names of what it removed. */
  static List<String> remove() {
    DockerClient c = DockerEngine.client();
    List<String> removed = new ArrayList<>();
    for (Container ct : c.listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.RUN)).exec()) {
      if (!Labels.harnessGone(ct.getLabels().get(Labels.HARNESS))) continue;
      try {
        c.removeContainerCmd(ct.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed.add(ct.getNames() != null && ct.getNames().length > 0 ? ct.getNames()[0] : ct.getId());
      } catch (RuntimeException e) {
        // removed concurrently
      }
    }
    for (Network n : c.listNetworksCmd().withFilter("label", List.of(Labels.RUN)).exec()) {
      if (!Labels.harnessGone(n.getLabels().get(Labels.HARNESS))) continue;
      try {
        c.removeNetworkCmd(n.getId()).exec();
        removed.add(n.getName());
      } catch (RuntimeException e) {
        // still in use or removed concurrently
      }
    }
    return removed;
  }

  /** Removes every container and network of one run, whoever started it (for tests and close). */
  static void removeRun(String runId) {
    DockerClient c = DockerEngine.client();
    for (Container ct : c.listContainersCmd().withShowAll(true).withLabelFilter(java.util.Map.of(Labels.RUN, runId)).exec()) {
      try {
        c.removeContainerCmd(ct.getId()).withForce(true).withRemoveVolumes(true).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
    for (Network n : c.listNetworksCmd().withFilter("label", List.of(Labels.RUN + "=" + runId)).exec()) {
      try {
        c.removeNetworkCmd(n.getId()).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}
