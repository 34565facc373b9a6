package org.flashpoint.ingest.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * {@code .warc} / {@code .warc.gz}: each response record with an HTML payload is one article page; other records
 * (requests, metadata, images) are not articles and are passed over. A file cut short keeps the records before
 * the cut and rejects the rest.
 */
final class WarcFormat {

    private WarcFormat() {
    }

    /** @param maxBytes most record bytes read from one file: a small .warc.gz may inflate to far more than its size */
    static void read(SourceFile file, Emitter out, long maxBytes) {
        byte[] bytes = file.bytes();
        long offset = 0;
        long total = 0;
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(bytes))) {
            while (true) {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                // After next(), position() is where the returned record starts; a record whose header cannot
                // be read is reported at the start of the record before it.
                offset = reader.position();
                long size = next.get().body().size();
                total += Math.max(size, 0);
                if (total > maxBytes) {
                    out.reject(file.reject(Reason.FILE_TOO_LARGE, "its records declare over " + maxBytes
                            + " bytes; the records before this one were read", offset, null));
                    return;
                }
                if (!(next.get() instanceof WarcResponse response)) {
                    continue;
                }
                if (size > ArticleBuilder.MAX_ITEM_BYTES) {
                    // Not read: the reader skips the body on the next call.
                    out.reject(file.reject(Reason.ITEM_TOO_LARGE, "response record declares " + size + " bytes, the limit is "
                            + ArticleBuilder.MAX_ITEM_BYTES, offset, null));
                    continue;
                }
                response(file, response, offset, out);
            }
        } catch (ParsingException | java.io.EOFException e) {
            out.reject(file.reject(Reason.TRUNCATED_WARC, JsonFormat.firstLine(e.getMessage()), offset, tail(bytes, offset)));
        } catch (IOException | RuntimeException e) {
            out.reject(file.reject(Reason.TRUNCATED_WARC, e.getClass().getSimpleName() + ": "
                    + JsonFormat.firstLine(e.getMessage()), offset, tail(bytes, offset)));
        }
    }

    private static void response(SourceFile file, WarcResponse response, long offset, Emitter out) throws IOException {
        MediaType type = response.http().contentType();
        if (!type.base().equals(MediaType.HTML)) {
            return;
        }
        long declared = response.http().body().size();
        byte[] body;
        try (InputStream in = response.http().body().stream()) {
            body = in.readAllBytes();
        }
        if (declared >= 0 && body.length < declared) {
            throw new java.io.EOFException("record ends after " + body.length + " of " + declared + " body bytes");
        }
        Charset charset = charset(type);
        String html;
        try {
            html = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            out.reject(file.reject(Reason.INVALID_UTF8, "payload is not valid " + charset.name(), offset, body));
            return;
        }
        out.article(new RawArticle(null, null, html, null, null, null, response.target(), null, null,
                file.at(offset), body).withOverrides(file.manifest()));
    }

    private static Charset charset(MediaType type) {
        try {
            String name = type.parameters().get("charset");
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static byte[] tail(byte[] bytes, long offset) {
        return Arrays.copyOfRange(bytes, (int) Math.min(offset, bytes.length), bytes.length);
    }
}
