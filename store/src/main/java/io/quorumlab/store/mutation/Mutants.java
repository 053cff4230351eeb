package io.quorumlab.store.mutation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The {@link Mutant}s a node runs with: none, except when a test or selftest builds the node in
 * process and says otherwise. Immutable.
 */
public final class Mutants {
  /** The store as written. */
  public static final Mutants NONE = new Mutants(EnumSet.noneOf(Mutant.class));

  private final Set<Mutant> on;

  private Mutants(EnumSet<Mutant> on) {
    this.on = java.util.Collections.unmodifiableSet(on);
  }

  public static Mutants of(Mutant... mutants) {
    EnumSet<Mutant> set = EnumSet.noneOf(Mutant.class);
    set.addAll(java.util.List.of(mutants));
    return set.isEmpty() ? NONE : new Mutants(set);
  }

  /** Whether the bug {@code mutant} is switched on. */
  public boolean has(Mutant mutant) {
    return on.contains(mutant);
  }

  public Set<Mutant> set() {
    return on;
  }

  public boolean isEmpty() {
    return on.isEmpty();
  }

  @Override
  public String toString() {
    return on.isEmpty() ? "none" : on.toString();
  }
}
