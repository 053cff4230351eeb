package io.quorumlab.workloads;

import io.quorumlab.workloads.listappend.ListAppendWorkload;
import io.quorumlab.workloads.register.RegisterWorkload;
import io.quorumlab.workloads.set.SetWorkload;
import java.util.List;
import java.util.Optional;

/** The workloads a run can drive, by name. */
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
