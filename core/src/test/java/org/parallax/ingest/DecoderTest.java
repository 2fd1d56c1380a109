package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DecoderTest {
    private static final String TEXT = "Le café « crème » coûte 3 € — pas cher, dit-il. ".repeat(5);

    private static Decoder.Decoded html(byte[] bytes) throws Decoder.BadInput {
        return Decoder.decode(bytes, "page.html", null, IngestConfig.defaults());
    }

    private static String page(String charset) {
        return "<html><head><meta charset=\"" + charset + "\"></head><body><p>" + TEXT + "</p></body></html>";
    }

    @Test
    void declaredSingleByteCharsetIsUsedWhenTheBytesAgree() throws Exception {
        Decoder.Decoded d = html(page("windows-1252").getBytes(Charset.forName("windows-1252")));
        assertThat(d.text()).contains("café « crème » coûte 3 €");
        assertThat(d.charset()).isEqualTo("windows-1252");
    }

    @Test
    void pageLabelledLatin1ButWrittenInUtf8IsReadAsUtf8() throws Exception {
        Decoder.Decoded d = html(page("iso-8859-1").getBytes(StandardCharsets.UTF_8));
        assertThat(d.text()).contains("café « crème » coûte 3 €").doesNotContain("Ã©");
        assertThat(d.charset()).isEqualTo("UTF-8");
    }

    @Test
    void oneStrayByteDoesNotTurnAUtf8PageIntoMojibake() throws Exception {
        byte[] good = page("utf-8").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, 40);
        bad[40] = (byte) 0xFF;
        System.arraycopy(good, 40, bad, 41, good.length - 40);
        assertThat(html(bad).text()).contains("café « crème »");
    }

    @Test
    void cyrillicDeclaredAsWindows1251() throws Exception {
        String ru = "<html><head><meta charset=\"windows-1251\"></head><body><p>Правительство объявило о налогах.</p></body></html>";
        assertThat(html(ru.getBytes(Charset.forName("windows-1251"))).text()).contains("Правительство");
    }

    @Test
    void gzipIsUnpackedAndABombIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(page("utf-8").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Decoder.decode(out.toByteArray(), "p.html.gz", null, IngestConfig.defaults()).text()).contains("café");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write(new byte[2_000_000]);
        }
        IngestConfig small = new IngestConfig(IngestConfig.defaults().extensions(), 1_000_000, 0.02);
        assertThatThrownBy(() -> Decoder.decode(bomb.toByteArray(), "b.html.gz", null, small))
                .hasMessageContaining("larger than 1000000 bytes");
    }

    @Test
    void plainTextThatFitsNoCharsetIsRefusedAndTheErrorNamesTheByte() {
        byte[] neither = {'O', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x'};
        assertThatThrownBy(() -> Decoder.decode(neither, "t.txt", null, IngestConfig.defaults()))
                .hasMessage("invalid UTF-8 at byte 3, and no other charset fits with confidence");
    }

    private static final String RU = "Президент заявил в понедельник, что правительство примет новые меры для "
            + "поддержки экономики. По его словам, решение будет принято до конца месяца, после встречи с министрами.";
    private static final String FR = "Le président a déclaré lundi que le gouvernement prendrait de nouvelles mesures "
            + "pour l'économie. Selon lui, la décision sera prise avant la fin du mois, à Genève, après une réunion.";

    @Test
    void legacyPlainTextIsReadInTheCharsetItIsWrittenIn() throws Exception {
        Decoder.Decoded ru = Decoder.decode(RU.getBytes(Charset.forName("windows-1251")), "t.txt", null,
                IngestConfig.defaults());
        assertThat(ru.text()).isEqualTo(RU);
        Decoder.Decoded fr = Decoder.decode(FR.getBytes(StandardCharsets.ISO_8859_1), "t.txt", null, IngestConfig.defaults());
        assertThat(fr.text()).isEqualTo(FR);
    }

    @Test
    void pagesMislabelledAsUtf8AreReadInTheirRealCharset() throws Exception {
        String ru = "<html><head><meta charset=\"utf-8\"><title>Новости</title></head><body><p>" + RU + "</p></body></html>";
        Decoder.Decoded d = html(ru.getBytes(Charset.forName("windows-1251")));
        assertThat(d.text()).contains(RU);
        assertThat(d.charset()).isEqualTo("windows-1251");
        String fr = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head><body><p>"
                + FR + "</p></body></html>";
        assertThat(html(fr.getBytes(StandardCharsets.ISO_8859_1)).text()).contains(FR);
        // Declared by the HTTP header instead of the page: the same.
        assertThat(Decoder.decode(fr.getBytes(StandardCharsets.ISO_8859_1), "p.html", "utf-8", IngestConfig.defaults())
                .text()).contains(FR);
    }

    @Test
    void utf8PagesMislabelledAsLegacyCharsetsAreReadAsUtf8() throws Exception {
        for (String label : new String[] {"windows-1251", "iso-8859-1", "koi8-r"}) {
            String page = "<html><head><meta charset=\"" + label + "\"></head><body><p>" + RU + " " + FR + "</p></body></html>";
            Decoder.Decoded d = html(page.getBytes(StandardCharsets.UTF_8));
            assertThat(d.text()).as(label).contains(RU).contains(FR);
            assertThat(d.charset()).isEqualTo("UTF-8");
        }
    }

    @Test
    void utf16WithBomIsText() throws Exception {
        byte[] b = ("\uFEFF" + "Hello there, this is text.").getBytes(StandardCharsets.UTF_16BE);
        assertThat(Decoder.decode(b, "t.txt", null, IngestConfig.defaults()).text()).isEqualTo("Hello there, this is text.");
    }
}
