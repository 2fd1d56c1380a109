package org.parallax.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Raw bytes to text. Gzip is unpacked (within a size cap, so a bomb is refused). Plain text is
 * UTF-8 (a BOM is honoured); text that is not valid UTF-8 is read in the legacy charset ICU's
 * statistical detector names with confidence (windows-1251, ISO-8859-1, KOI8-R, Shift_JIS…),
 * and is otherwise refused with an error naming the first bad byte. HTML is decoded by the best
 * evidence: a byte-order mark, then the declared charset (HTTP header or meta tag), checked
 * against the bytes — a page that declares a single-byte charset but is valid multi-byte UTF-8
 * is read as UTF-8; a page whose bytes do not fit its declaration (windows-1251 labelled UTF-8)
 * is tried as mostly-UTF-8, then in the detected charset, and finally as windows-1252, which
 * accepts any byte.
 */
public final class Decoder {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** ICU's confidence (0–100) a detected charset needs; real prose scores 50–90, noise ≤ 15. */
    static final int MIN_CONFIDENCE = 30;

    private Decoder() {
    }

    /** Content refused with a reason a user can act on. */
    public static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        public BadInput(String message) {
            super(message);
        }
    }

    /** Decoded text and the format it was recognised as. */
    public record Decoded(Format format, String text, String charset) {
    }

    /** Whether the bytes start with the gzip magic number. */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** Unpacks gzip, refusing output larger than {@code maxBytes}. */
    public static byte[] gunzip(byte[] bytes, long maxBytes) throws BadInput {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(bytes.length * 4, 1 << 20));
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new BadInput("gzip content larger than " + maxBytes + " bytes (limit)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BadInput("broken gzip: " + e.getMessage());
        }
    }

    /**
     * Decodes a document.
     *
     * @param name          file name or URL, for the format (".html", ".htm", ".xhtml")
     * @param httpCharset   charset from an HTTP Content-Type header, or null
     */
    public static Decoded decode(byte[] bytes, String name, String httpCharset, IngestConfig config)
            throws BadInput {
        if (bytes.length == 0) {
            throw new BadInput("empty file");
        }
        if (isGzip(bytes)) {
            bytes = gunzip(bytes, config.maxBytes());
            if (bytes.length == 0) {
                throw new BadInput("empty file (after gunzip)");
            }
        }
        checkNotBinary(bytes, config.maxBinaryRatio());
        String lower = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        boolean html = lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")
                || looksLikeHtml(bytes);
        Decoded d = html ? decodeHtml(bytes, httpCharset) : new Decoded(Format.TEXT, decodeText(bytes), "UTF-8");
        if (d.text().isBlank()) {
            throw new BadInput("no text (only white space)");
        }
        return d;
    }

    private static String decodeText(byte[] bytes) throws BadInput {
        Charset bomCharset = bomCharset(bytes);
        if (bomCharset != null) {
            return strict(bytes, bomLength(bytes), bomCharset);
        }
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast; // valid; only a replacement character needs the strict pass (for the byte offset)
        }
        try {
            return strict(bytes, 0, StandardCharsets.UTF_8);
        } catch (BadInput notUtf8) {
            Decoded legacy = detected(bytes, false);
            if (legacy != null) {
                return legacy.text();
            }
            throw new BadInput(notUtf8.getMessage() + ", and no other charset fits with confidence");
        }
    }

    /**
     * The bytes in the legacy charset ICU detects with at least {@link #MIN_CONFIDENCE}, if every
     * byte decodes in it; else null. UTF-8 (already known not to fit) and UTF-16/32 without a
     * byte-order mark are not taken; ISO-8859-1 is read as its superset windows-1252.
     */
    static Decoded detected(byte[] bytes, boolean html) {
        com.ibm.icu.text.CharsetDetector detector = new com.ibm.icu.text.CharsetDetector();
        detector.enableInputFilter(html); // markup aside, the statistics see the words
        detector.setText(bytes);
        for (com.ibm.icu.text.CharsetMatch m : detector.detectAll()) {
            if (m.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            String name = m.getName();
            if (name.startsWith("UTF-")) {
                continue;
            }
            Charset cs = charset(name);
            String text = cs == null ? null : tryDecode(bytes, cs);
            if (text != null) {
                return new Decoded(html ? Format.HTML : Format.TEXT, text, cs.name());
            }
        }
        return null;
    }

    private static Decoded decodeHtml(byte[] bytes, String httpCharset) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            return new Decoded(Format.HTML, lenient(bytes, bomLength(bytes), bom), bom.name());
        }
        Charset declared = charset(httpCharset);
        if (declared == null) {
            declared = metaCharset(bytes);
        }
        String utf8 = tryDecode(bytes, StandardCharsets.UTF_8);
        if (utf8 == null) {
            utf8 = mostlyUtf8(bytes); // a stray bad byte in a UTF-8 page is still a UTF-8 page
        }
        if (declared != null) {
            boolean singleByte = declared.newEncoder().maxBytesPerChar() <= 1.0f;
            // Mislabelled: declared single-byte, but the bytes are UTF-8 with non-ASCII in them.
            if (singleByte && utf8 != null && utf8.length() < bytes.length) {
                return new Decoded(Format.HTML, utf8, "UTF-8");
            }
            if (declared.equals(StandardCharsets.UTF_8) && utf8 != null) {
                return new Decoded(Format.HTML, utf8, "UTF-8");
            }
            String text = tryDecode(bytes, declared);
            if (text != null) {
                return new Decoded(Format.HTML, text, declared.name());
            }
        }
        if (utf8 != null) {
            return new Decoded(Format.HTML, utf8, "UTF-8");
        }
        Decoded legacy = detected(bytes, true);
        if (legacy != null) {
            return legacy;
        }
        return new Decoded(Format.HTML, new String(bytes, WINDOWS_1252), WINDOWS_1252.name());
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            String n = name.strip().toLowerCase(Locale.ROOT);
            // WHATWG: these labels mean windows-1252 in browsers.
            if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
                return WINDOWS_1252;
            }
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static Charset metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? charset(m.group(1)) : null;
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        return (b[0] & 0xff) == 0xEF ? 3 : 2;
    }

    /**
     * The text as UTF-8 with bad sequences replaced, when valid multi-byte characters outnumber
     * the bad sequences ten to one; else null.
     */
    private static String mostlyUtf8(byte[] bytes) {
        String t = new String(bytes, StandardCharsets.UTF_8);
        int bad = 0;
        int good = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\uFFFD') {
                bad++;
            } else if (c > 0x7F) {
                good++;
            }
        }
        return good >= 10 * Math.max(1, bad) ? t : null;
    }

    /** The text if every byte decodes in {@code cs}, else null. */
    private static String tryDecode(byte[] bytes, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            // The JDK's own UTF-8 decoding is much faster than a CharsetDecoder; a replacement
            // character in its output means a bad sequence (or a literal U+FFFD: check strictly).
            String t = new String(bytes, StandardCharsets.UTF_8);
            if (t.indexOf('\uFFFD') < 0) {
                return t;
            }
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenient(byte[] bytes, int from, Charset cs) {
        return new String(bytes, from, bytes.length - from, cs);
    }

    private static String strict(byte[] bytes, int from, Charset charset) throws BadInput {
        CharsetDecoder dec = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return dec.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new BadInput("invalid " + charset.name() + " at byte " + in.position());
        }
    }

    /** NUL bytes, or too many control bytes, mean this is not text (UTF-16 with a BOM aside). */
    static void checkNotBinary(byte[] bytes, double maxRatio) throws BadInput {
        if (bomCharset(bytes) == StandardCharsets.UTF_16BE || bomCharset(bytes) == StandardCharsets.UTF_16LE) {
            return;
        }
        int n = Math.min(bytes.length, 1 << 16);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new BadInput("binary content (NUL byte at offset " + i + ")");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (control > maxRatio * n) {
            throw new BadInput("binary content (" + control + " control bytes in the first " + n + ")");
        }
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html")
                || (head.startsWith("<?xml") && head.contains("<html"))
                || (head.startsWith("<!--") && head.contains("<html"));
    }
}
