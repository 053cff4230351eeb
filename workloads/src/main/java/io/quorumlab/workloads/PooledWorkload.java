package io.quorumlab.workloads;

import io.quorumlab.store.config.ConflictMode;
import java.util.Set;

/**
 * What the workloads here share: a name, a description and the modes they run in, and the shape of
 * the key pool their generators draw from (keys at a time, ops per key, the share of reads).
 */
public abstract class PooledWorkload implements Workload {
  private final String name;
  private final String description;
  private final Set<ConflictMode> supportedModes;
  protected final int activeKeys;
  protected final int opsPerKey;
  protected final double readShare;

  protected PooledWorkload(String name, String description, Set<ConflictMode> supportedModes, int activeKeys,
      int opsPerKey, double readShare) {
    this.name = name;
    this.description = description;
    this.supportedModes = supportedModes;
    this.activeKeys = activeKeys;
    this.opsPerKey = opsPerKey;
    this.readShare = readShare;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Set<ConflictMode> supportedModes() {
    return supportedModes;
  }
}
