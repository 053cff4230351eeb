package io.quorumlab.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Counts of client operations by outcome. An invocation that never completed counts as
 * {@code info}: like a timeout, it may or may not have taken effect.
 */
@JsonIgnoreProperties(value = {"total", "okShare", "failShare", "infoShare"}, allowGetters = true)
public record Outcomes(long ok, long fail, long info) {
  public static final Outcomes NONE = new Outcomes(0, 0, 0);

  @JsonProperty("total")
  public long total() {
    return ok + fail + info;
  }

  /** Share of ok among all ops, 0..1; 0 when there were none. */
  @JsonProperty("okShare")
  public double okShare() {
    return share(ok);
  }

  @JsonProperty("failShare")
  public double failShare() {
    return share(fail);
  }

  @JsonProperty("infoShare")
  public double infoShare() {
    return share(info);
  }

  public Outcomes plus(Outcomes o) {
    return new Outcomes(ok + o.ok, fail + o.fail, info + o.info);
  }

  private double share(long n) {
    long t = total();
    return t == 0 ? 0.0 : (double) n / t;
  }
}
