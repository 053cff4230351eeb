package io.quorumlab.harness.cluster;

import java.util.Locale;

/**
 * What the disk nemesis does to one node ({@link Cluster#diskFault}). A crash is a power loss of the
 * node's machine, not a kill -9: the writes the node has not synced are lost, which a plain kill
 * cannot show because the operating system keeps its page cache.
 */
public enum DiskFault {
  /** Power loss: every write since the last sync is lost; the node stays down until restarted. */
  CRASH,
  /** Power loss while writing back: a prefix of the unsynced writes survives, its last one torn. */
  TORN,
  /** Bit rot: a byte of up to {@link #CORRUPT_RECORDS} random data records is flipped; the node keeps running. */
  CORRUPT;

  /** How many data records one corrupt fault damages on a node. */
  public static final int CORRUPT_RECORDS = 10;

  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the fault ends the node's process (it must be restarted). */
  public boolean crashes() {
    return this != CORRUPT;
  }

  /** The node's admin command for this fault ({@code disk crash SEED}, ...). */
  public String command(long seed) {
    return this == CORRUPT ? "disk corrupt " + CORRUPT_RECORDS + " " + seed : "disk " + specName() + " " + seed;
  }

  /** The fault named {@code s}, or null. */
  public static DiskFault parse(String s) {
    for (DiskFault f : values()) if (f.specName().equals(s)) return f;
    return null;
  }
}
