package io.quorumlab.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigParserTest {
  @Test
  void theIssuesFiveConfigurationsParse() {
    List<ConfigSpec> l = ConfigParser.parseList("3/1/1, 3/2/2,3/3/1,3/2/2:sloppy,3/2/2:abd");
    assertThat(l).extracting(ConfigSpec::text).containsExactly("3/1/1", "3/2/2", "3/3/1", "3/2/2:sloppy", "3/2/2:abd");
    assertThat(l.get(2)).extracting(ConfigSpec::n, ConfigSpec::w, ConfigSpec::r).containsExactly(3, 3, 1);
    assertThat(l.get(3).quorum()).isEqualTo(Quorum.SLOPPY);
    assertThat(l.get(4).conflicts()).isEqualTo(ConflictMode.ABD);
  }

  @Test
  void everyModeInAnyOrderAndBothSpellingsOfReadRepair() {
    ConfigSpec c = ConfigParser.parse("5/3/2:expect=invalid:fsync=never:SIBLINGS:strict:rr=off");
    assertThat(c).extracting(ConfigSpec::quorum, ConfigSpec::readRepair, ConfigSpec::conflicts, ConfigSpec::fsync, ConfigSpec::expect)
        .containsExactly(Quorum.STRICT, ReadRepair.OFF, ConflictMode.SIBLINGS, FsyncPolicy.NEVER, Expectation.INVALID);
    assertThat(ConfigParser.parse("3/2/2:blocking").readRepair()).isEqualTo(ReadRepair.BLOCKING);
  }

  @Test
  void modesNotGivenComeFromTheCommandAndAbdMeansItsWriteBack() {
    RunSpec base = RunSpec.defaults(1).withStore(ComparePlan.DEFAULT_STORE);
    assertThat(ComparePlan.DEFAULT_STORE.describe()).as("compare's defaults").isEqualTo("N=3 W=1 R=1 lww strict rr=async fsync=always");
    RunSpec abd = ConfigParser.parse("3/2/2:abd").applyTo(base, null);
    assertThat(ConfigSpec.settings(abd)).isEqualTo("N=3 W=2 R=2 abd strict rr=blocking fsync=always");
    assertThat(ConfigParser.parse("3/2/2:abd:rr=async").applyTo(base, null).store().readRepair()).isEqualTo(ReadRepair.ASYNC);
    assertThat(ConfigParser.parse("3/2/2:abd").applyTo(base, ReadRepair.OFF).store().readRepair()).isEqualTo(ReadRepair.OFF);
    RunSpec plain = ConfigParser.parse("3/1/1:sloppy").applyTo(base, null);
    assertThat(ConfigSpec.settings(plain)).isEqualTo("N=3 W=1 R=1 lww sloppy rr=async fsync=always");
    assertThat(plain.seed()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "3/4/1;                 bad configuration '3/4/1': W=4 > N=3",
    "3/1/4;                 bad configuration '3/1/4': R=4 > N=3",
    "0/1/1;                 bad configuration '0/1/1': N=0 < 1",
    "3/0/1;                 bad configuration '3/0/1': W=0 < 1",
    "3/2;                   bad configuration '3/2': '3/2' is not N/W/R",
    "3/x/1;                 bad configuration '3/x/1': W 'x' is not a number",
    "3/2/2:fast;            bad configuration '3/2/2:fast': unknown mode 'fast'",
    "3/2/2:rr=sometimes;    bad configuration '3/2/2:rr=sometimes': rr=sometimes: expected off, async or blocking",
    "3/2/2:fsync=maybe;     bad configuration '3/2/2:fsync=maybe': fsync=maybe: expected always, periodic or never",
    "3/2/2:expect=green;    bad configuration '3/2/2:expect=green': expect=green: expected valid or invalid",
    "3/2/2:sloppy:strict;   bad configuration '3/2/2:sloppy:strict': quorum given twice (sloppy and strict)",
    "3/2/2:lww:abd;         bad configuration '3/2/2:lww:abd': conflict mode given twice (lww and abd)",
    "3/2/2:;                bad configuration '3/2/2:': empty mode",
    "3/2/2:color=red;       bad configuration '3/2/2:color=red': unknown setting 'color='",
    "'3/1/1,,3/2/2';        --configs has an empty configuration at position 2",
    "'3/1/1,3/1/1';         --configs names '3/1/1' twice",
  })
  void badConfigurationsAreRefusedNamingTheBadPart(String configs, String message) {
    assertThatThrownBy(() -> ConfigParser.parseList(configs)).isInstanceOf(SpecException.class).hasMessageStartingWith(message);
  }
}
