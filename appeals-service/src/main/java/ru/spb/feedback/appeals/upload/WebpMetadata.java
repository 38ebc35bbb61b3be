package ru.spb.feedback.appeals.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strips identifying metadata from a WebP without decoding it. A simple file (one VP8 or VP8L
 * chunk) has no room for metadata; of an extended one (VP8X) we keep the ICC profile, the alpha
 * and the image chunk byte for byte, drop EXIF, XMP and unknown chunks, and clear their flags in
 * VP8X. An EXIF Orientation other than 1 survives as a minimal EXIF chunk. Animated WebP is
 * refused: a photo has one frame.
 */
final class WebpMetadata {

    private static final int FLAG_ANIMATION = 0x02;
    private static final int FLAG_XMP = 0x04;
    private static final int FLAG_EXIF = 0x08;

    private record Chunk(String type, int start, int dataStart, int size) {
        int end() {
            return dataStart + size + (size & 1);
        }
    }

    private WebpMetadata() {
    }

    static SanitizedImage strip(byte[] in, long maxPixels) throws ImageRejected {
        long riffEnd = 8 + u32(in, 4);
        if (riffEnd > in.length) {
            throw ImageRejected.malformed("WebP: shorter than its RIFF header says");
        }
        List<Chunk> chunks = new ArrayList<>();
        int pos = 12;
        while (pos < riffEnd) {
            if (riffEnd - pos < 8) {
                throw ImageRejected.malformed("WebP: truncated chunk header");
            }
            long size = u32(in, pos + 4);
            if (size > riffEnd - pos - 8) {
                throw ImageRejected.malformed("WebP: a chunk runs past the end of the file");
            }
            Chunk chunk = new Chunk(new String(in, pos, 4, StandardCharsets.ISO_8859_1), pos, pos + 8, (int) size);
            chunks.add(chunk);
            pos = (int) Math.min(chunk.end(), riffEnd);
        }
        if (chunks.isEmpty()) {
            throw ImageRejected.malformed("WebP: no image");
        }
        Chunk first = chunks.get(0);
        if (first.type().equals("VP8 ") || first.type().equals("VP8L")) {
            int[] size = bitstreamSize(in, first);
            ImageRejected.checkPixels(size[0], size[1], maxPixels);
            // a simple file is exactly one image chunk; whatever follows it is not part of the image
            return new SanitizedImage(ImageFormat.WEBP, size[0], size[1], riff(in, List.of(first), null));
        }
        if (!first.type().equals("VP8X")) {
            throw ImageRejected.malformed("WebP: unknown first chunk");
        }
        if (first.size() < 10) {
            throw ImageRejected.malformed("WebP: truncated VP8X chunk");
        }
        int flags = in[first.dataStart()] & 0xFF;
        if ((flags & FLAG_ANIMATION) != 0) {
            throw ImageRejected.unsupported("WebP: animated images are not accepted");
        }
        int width = u24(in, first.dataStart() + 4) + 1;
        int height = u24(in, first.dataStart() + 7) + 1;
        ImageRejected.checkPixels(width, height, maxPixels);

        List<Chunk> kept = new ArrayList<>();
        kept.add(first);
        Chunk image = null;
        int orientation = ExifOrientation.NORMAL;
        boolean exifSeen = false;
        for (Chunk chunk : chunks.subList(1, chunks.size())) {
            switch (chunk.type()) {
                case "VP8 ", "VP8L" -> {
                    if (image != null) {
                        throw ImageRejected.malformed("WebP: more than one image chunk in a still image");
                    }
                    image = chunk;
                    kept.add(chunk);
                }
                case "ICCP", "ALPH" -> kept.add(chunk);
                case "EXIF" -> {
                    if (!exifSeen) {
                        exifSeen = true;
                        orientation = ExifOrientation.read(in, chunk.dataStart(), chunk.size());
                    }
                }
                default -> {
                    // XMP, and chunks we do not know: dropped
                }
            }
        }
        if (image == null) {
            throw ImageRejected.malformed("WebP: no image chunk");
        }
        int[] size = bitstreamSize(in, image);
        if (size[0] != width || size[1] != height) {
            throw ImageRejected.malformed("WebP: the canvas and the image disagree on the size");
        }
        byte[] exif = orientation == ExifOrientation.NORMAL ? null : ExifOrientation.minimalTiff(orientation);
        int newFlags = flags & ~(FLAG_EXIF | FLAG_XMP) | (exif == null ? 0 : FLAG_EXIF);
        byte[] out = riff(in, kept, exif);
        out[12 + 8] = (byte) newFlags;
        return new SanitizedImage(ImageFormat.WEBP, width, height, out);
    }

    /** Width and height from the VP8 key frame header or the VP8L header. */
    private static int[] bitstreamSize(byte[] in, Chunk chunk) throws ImageRejected {
        int at = chunk.dataStart();
        if (chunk.type().equals("VP8 ")) {
            if (chunk.size() < 10 || (in[at] & 1) != 0
                    || (in[at + 3] & 0xFF) != 0x9D || (in[at + 4] & 0xFF) != 0x01 || (in[at + 5] & 0xFF) != 0x2A) {
                throw ImageRejected.malformed("WebP: invalid VP8 frame header");
            }
            return new int[] {u16(in, at + 6) & 0x3FFF, u16(in, at + 8) & 0x3FFF};
        }
        if (chunk.size() < 5 || (in[at] & 0xFF) != 0x2F) {
            throw ImageRejected.malformed("WebP: invalid VP8L header");
        }
        long bits = u32(in, at + 1);
        if (bits >>> 29 != 0) {
            throw ImageRejected.malformed("WebP: unknown VP8L version");
        }
        return new int[] {(int) (bits & 0x3FFF) + 1, (int) (bits >>> 14 & 0x3FFF) + 1};
    }

    private static byte[] riff(byte[] in, List<Chunk> chunks, byte[] exif) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        for (Chunk chunk : chunks) {
            // a last chunk may lack its pad byte; write it, RIFF wants chunks at even offsets
            int available = Math.min(chunk.end(), in.length) - chunk.start();
            out.write(in, chunk.start(), Math.min(available, 8 + chunk.size()));
            if ((chunk.size() & 1) != 0) {
                out.write(0);
            }
        }
        if (exif != null) {
            out.write('E');
            out.write('X');
            out.write('I');
            out.write('F');
            writeU32(out, exif.length);
            out.write(exif, 0, exif.length);
        }
        byte[] bytes = out.toByteArray();
        long riffSize = bytes.length - 8L;
        bytes[4] = (byte) riffSize;
        bytes[5] = (byte) (riffSize >>> 8);
        bytes[6] = (byte) (riffSize >>> 16);
        bytes[7] = (byte) (riffSize >>> 24);
        return bytes;
    }

    private static int u16(byte[] in, int at) {
        return in[at] & 0xFF | (in[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] in, int at) {
        return in[at] & 0xFF | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF) << 16;
    }

    private static long u32(byte[] in, int at) {
        return in[at] & 0xFFL | (in[at + 1] & 0xFFL) << 8 | (in[at + 2] & 0xFFL) << 16 | (in[at + 3] & 0xFFL) << 24;
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        out.write((int) value & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 24) & 0xFF);
    }
}
