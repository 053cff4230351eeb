package io.quorumlab.store.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.ClockSkew;
import io.quorumlab.store.node.SkewedClock;
import org.junit.jupiter.api.Test;

class ClockCommandTest {
  /** A base clock moved by hand: wall and monotonic time advance together. */
  private static final class HandClock implements Clock {
    long millis = 5_000;

    @Override
    public long monotonicMillis() {
      return millis;
    }

    @Override
    public long wallMicros() {
      return 1_700_000_000_000_000L + millis * 1_000;
    }
  }

  private final HandClock base = new HandClock();
  private final SkewedClock clock = new SkewedClock(base);

  @Test
  void setSkewsTheWallClockOnlyAndResetRestoresTrueTime() {
    ClockCommand.ClockState s = AdminJson.clockState(ClockCommand.run(clock, "clock set offset=-300000000 rate=2"));
    assertThat(s.skew()).isEqualTo(new ClockSkew(-300_000_000, 2.0, 0, 0));
    assertThat(clock.wallMicros()).isEqualTo(base.wallMicros() - 300_000_000);
    base.millis += 1_000;
    assertThat(clock.offsetMicros()).isEqualTo(-299_000_000);
    assertThat(clock.monotonicMillis()).isEqualTo(base.millis);

    ClockCommand.run(clock, ClockCommand.set(ClockSkew.strobe(10_000_000, 100_000)));
    assertThat(clock.offsetMicros()).isEqualTo(10_000_000);
    base.millis += 150;
    assertThat(clock.offsetMicros()).isZero();

    s = AdminJson.clockState(ClockCommand.run(clock, "clock reset"));
    assertThat(s.skew()).isEqualTo(ClockSkew.NONE);
    assertThat(s.wallMicros()).isEqualTo(base.wallMicros());
    assertThat(AdminJson.clockState(ClockCommand.run(clock, "clock")).currentOffsetMicros()).isZero();
  }

  @Test
  void badCommandsAreRefusedAndChangeNothing() {
    ClockCommand.run(clock, "clock set offset=7");
    for (String bad : new String[] {"clock set offset=x", "clock set rate=0", "clock set rate=NaN", "clock set speed=2",
        "clock set offset=1 offset=2", "clock set strobe=5", "clock set period=5", "clock frobnicate",
        "clock set offset=999999999999999999"}) {
      assertThatThrownBy(() -> ClockCommand.run(clock, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(clock.offsetMicros()).isEqualTo(7);
    assertThatThrownBy(() -> ClockCommand.run(new HandClock(), "clock")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be skewed");
  }
}
