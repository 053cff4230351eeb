package io.quorumlab.harness.selftest;

import java.util.List;

/**
 * A run under which the store as written is correct and a mutant is not: the store, load and
 * fault options of {@code quorumlab explore} (the seed left out), so the same scenario unmutated is
 * one {@code explore} command away.
 *
 * @param name short name for the table
 * @param args the options, as {@code explore} takes them
 */
public record Scenario(String name, List<String> args) {
  public Scenario {
    args = List.copyOf(args);
  }

  static Scenario of(String name, String args) {
    return new Scenario(name, List.of(args.trim().split("\\s+")));
  }

  /** The options as one line. */
  public String argsText() {
    return String.join(" ", args);
  }
}
