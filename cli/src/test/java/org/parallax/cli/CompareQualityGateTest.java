package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Floor for the voice labels (attributed vs own voice) on PolNeAR dev, just under the measured figures. */
class CompareQualityGateTest {
    static final Path POLNEAR = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench")
            .resolve("polnear");

    @Test
    void voiceLabelsStayAboveTheirFloors() throws Exception {
        CompareBench.Voice v = CompareBench.voice(POLNEAR, "dev");
        assertThat(v.docs()).isEqualTo(84);
        assertThat(v.f()).as("attributed F1").isGreaterThanOrEqualTo(0.835);
        assertThat(v.p()).as("attributed precision").isGreaterThanOrEqualTo(0.93);
        assertThat(v.accuracy()).as("accuracy").isGreaterThanOrEqualTo(0.80);
    }
}
