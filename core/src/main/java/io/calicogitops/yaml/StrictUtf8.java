package io.calicogitops.yaml;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes file bytes as UTF-8, refusing (instead of silently replacing) malformed bytes. */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The decoded text, or null after reporting the first invalid byte (0-based offset) with its line and column. */
    static String decode(byte[] bytes, String file, Diagnostics diagnostics) {
        if (isAscii(bytes)) {
            // ASCII is valid UTF-8 as it is: the String constructor's copy, without a decoder and a char buffer.
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        String text = out.toString();
        if (!result.isError()) {
            return text;
        }
        String before = text.startsWith("\uFEFF") ? text.substring(1) : text;
        SourceText prefix = new SourceText(before);
        int end = before.length();
        diagnostics.error(SourceLocation.of(file, prefix.line(end), prefix.column(end)),
                "not valid UTF-8 at byte " + in.position(), "save the file as UTF-8");
        return null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
