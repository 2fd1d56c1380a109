package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteNamesTest {
    @Test
    void aSiteNameIsTheOutletOnlyWhenItReadsAsAName() {
        assertThat(SiteNames.clean("The Daily Planet", null)).isEqualTo("The Daily Planet");
        assertThat(SiteNames.clean("Museum of the City of Zenda", null)).isEqualTo("Museum of the City of Zenda");
        assertThat(SiteNames.clean("slate", null)).isEqualTo("slate");
        assertThat(SiteNames.clean("eBay", null)).isEqualTo("eBay");
        // A brand with its tagline: the brand.
        assertThat(SiteNames.clean("Daily Planet | Your city, your news", null)).isEqualTo("Daily Planet");
        assertThat(SiteNames.clean("Maker Notes – news and views for people who make things", null))
                .isEqualTo("Maker Notes");
        // No name at all: unknown.
        assertThat(SiteNames.clean("/", null)).isNull();
        assertThat(SiteNames.clean("news and views for people who make things", null)).isNull();
        assertThat(SiteNames.clean("Jane Doe", "Jane Doe")).isNull();
        assertThat(SiteNames.clean("The best reviews of kitchen gadgets, tools and appliances for every home", null))
                .isNull();
        assertThat(SiteNames.clean(null, null)).isNull();
        assertThat(SiteNames.clean("Mindful Designs -", null)).isEqualTo("Mindful Designs");
        assertThat(SiteNames.clean("Homepage", null)).isNull();
        assertThat(SiteNames.clean("Blog", null)).isNull();
        // A feed's title: the outlet before the channel.
        assertThat(SiteNames.clean("Daily Planet - RSS Channel - World", null)).isEqualTo("Daily Planet");
    }
}
