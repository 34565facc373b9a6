package org.flashpoint.ingest.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small WARC files for tests. */
final class Warcs {

    private Warcs() {
    }

    static String page(String title, String published, String body) {
        return "<html><head><meta property=\"og:title\" content=\"" + title + "\">"
                + "<meta property=\"article:published_time\" content=\"" + published + "\"></head>"
                + "<body><article><p>" + body + "</p></article></body></html>";
    }

    static byte[] request(String uri) {
        byte[] http = ("GET / HTTP/1.1\r\nHost: example\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return record("request", uri, "application/http; msgtype=request", http);
    }

    static byte[] response(String uri, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return record("response", uri, "application/http; msgtype=response", concat(head, body));
    }

    static byte[] of(byte[]... records) {
        return concat(records);
    }

    private static byte[] record(String type, String uri, String contentType, byte[] block) {
        String header = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.randomUUID()
                + ">\r\nWARC-Date: 2024-02-01T00:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + block.length + "\r\n\r\n";
        return concat(header.getBytes(StandardCharsets.US_ASCII), block, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
