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
    void plainTextMustBeUtf8AndTheErrorNamesTheByte() {
        byte[] latin1 = "naïve".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Decoder.decode(latin1, "t.txt", null, IngestConfig.defaults()))
                .hasMessage("invalid UTF-8 at byte 2");
    }

    @Test
    void utf16WithBomIsText() throws Exception {
        byte[] b = ("\uFEFF" + "Hello there, this is text.").getBytes(StandardCharsets.UTF_16BE);
        assertThat(Decoder.decode(b, "t.txt", null, IngestConfig.defaults()).text()).isEqualTo("Hello there, this is text.");
    }
}
