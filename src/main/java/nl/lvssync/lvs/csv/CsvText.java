package nl.lvssync.lvs.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An export's bytes as text: UTF-8 with or without a byte-order mark, else Windows-1252 (what Excel and most LVS
 * exports on Dutch Windows write), unless the school configures the encoding. {@code Zoë} stays {@code Zoë}.
 */
record CsvText(String text, Charset charset, boolean bom) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static CsvText decode(byte[] bytes, String configured) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        int offset = bom ? 3 : 0;
        String setting = configured == null ? "auto" : configured.strip().toLowerCase(java.util.Locale.ROOT);
        if (!bom && !setting.equals("auto")) {
            Charset charset = switch (setting) {
                case "ansi", "cp1252", "windows-1252", "windows1252" -> WINDOWS_1252;
                default -> Charset.forName(configured.strip());
            };
            return new CsvText(new String(bytes, charset), charset, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            return new CsvText(text, StandardCharsets.UTF_8, bom);
        } catch (CharacterCodingException e) {
            // not valid UTF-8: a single-byte Windows export
            return new CsvText(new String(bytes, offset, bytes.length - offset, WINDOWS_1252), WINDOWS_1252, bom);
        }
    }
}
