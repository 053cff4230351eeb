package io.quorumlab.workloads.registry;

import io.quorumlab.workloads.Workload;
import io.quorumlab.workloads.listappend.ListAppendWorkload;
import io.quorumlab.workloads.register.RegisterWorkload;
import io.quorumlab.workloads.set.SetWorkload;
import java.util.List;
import java.util.Optional;

/**
 * The workloads a run can drive, by name. Apart from the root package, which the workloads build on,
 * so that packages depend one way only.
 */
public final class Workloads {
  private Workloads() {}

  /** Every workload, each with its default settings. */
  public static List<Workload> all() {
    return List.of(new RegisterWorkload(), new ListAppendWorkload(), new SetWorkload());
  }

  public static List<String> names() {
    return all().stream().map(Workload::name).toList();
  }

  public static Optional<Workload> byName(String name) {
    return all().stream().filter(w -> w.name().equals(name)).findFirst();
  }
}
