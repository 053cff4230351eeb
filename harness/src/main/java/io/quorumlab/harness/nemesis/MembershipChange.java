package io.quorumlab.harness.nemesis;

import java.util.Locale;

/** A change of the cluster's membership that the membership nemesis makes. */
public enum MembershipChange {
  /** A new node joins: it pulls the ranges it will replicate, then announces UP. */
  JOIN,
  /** A node the nemesis joined leaves: it hands its ranges off, announces LEFT and stops. */
  LEAVE,
  /** A node the nemesis joined crashes for good; at the fault's stop it is removed from the ring. */
  REMOVE;

  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MembershipChange parse(String s) {
    for (MembershipChange c : values()) if (c.specName().equals(s)) return c;
    throw new IllegalArgumentException("unknown membership variant '" + s + "' (expected join, leave or remove)");
  }
}
