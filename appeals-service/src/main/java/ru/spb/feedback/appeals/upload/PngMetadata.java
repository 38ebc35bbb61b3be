package ru.spb.feedback.appeals.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Strips identifying metadata from a PNG without decoding it: keeps the critical chunks and the
 * ancillary ones that change how the image is shown (colour, transparency, physical size), drops
 * text (tEXt, zTXt, iTXt), eXIf, tIME and every chunk we do not know, since an unknown chunk can
 * carry anything (C2PA manifests, editor data). An eXIf Orientation other than 1 survives as a
 * minimal eXIf. Kept chunks are copied byte for byte; anything after IEND is dropped.
 */
final class PngMetadata {

    private static final int HEADER_LENGTH = 8;
    private static final int IHDR_LENGTH = 13;
    private static final long MAX_DIMENSION = 0x7FFFFFFFL;

    /** Chunks that decoders use to render the image; APNG animation chunks are not among them, so an APNG becomes its still image. */
    private static final Set<String> KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND",
            "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT");

    private PngMetadata() {
    }

    static SanitizedImage strip(byte[] in, long maxPixels) throws ImageRejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, HEADER_LENGTH);
        int pos = HEADER_LENGTH;
        long width = -1;
        long height = -1;
        boolean exifSeen = false;
        while (true) {
            if (in.length - pos < 12) {
                throw ImageRejected.malformed("PNG: ends before the IEND chunk");
            }
            long length = u32(in, pos);
            if (length > in.length - pos - 12L) {
                throw ImageRejected.malformed("PNG: a chunk runs past the end of the file");
            }
            String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                throw ImageRejected.malformed("PNG: invalid chunk type");
            }
            int dataStart = pos + 8;
            int end = dataStart + (int) length + 4;
            CRC32 crc = new CRC32();
            crc.update(in, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32(in, dataStart + (int) length)) {
                throw ImageRejected.malformed("PNG: checksum mismatch in a " + type + " chunk");
            }
            if (width < 0) {
                if (!type.equals("IHDR") || length != IHDR_LENGTH) {
                    throw ImageRejected.malformed("PNG: does not start with a header chunk");
                }
                width = u32(in, dataStart);
                height = u32(in, dataStart + 4);
                if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
                    throw ImageRejected.malformed("PNG: invalid dimensions");
                }
                ImageRejected.checkPixels(width, height, maxPixels);
            } else if (type.equals("IHDR")) {
                throw ImageRejected.malformed("PNG: a second header chunk");
            }
            if (type.equals("eXIf") && !exifSeen) {
                exifSeen = true;
                int orientation = ExifOrientation.read(in, dataStart, (int) length);
                if (orientation != ExifOrientation.NORMAL) {
                    writeChunk(out, "eXIf", ExifOrientation.minimalTiff(orientation));
                }
            }
            if (KEPT.contains(type)) {
                out.write(in, pos, end - pos);
            } else if (Character.isUpperCase(type.charAt(0))) {
                throw ImageRejected.unsupported("PNG: unknown critical chunk " + type);
            }
            pos = end;
            if (type.equals("IEND")) {
                return new SanitizedImage(ImageFormat.PNG, (int) width, (int) height, out.toByteArray());
            }
        }
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        writeU32(out, data.length);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeU32(out, crc.getValue());
    }

    private static long u32(byte[] in, int at) {
        return (in[at] & 0xFFL) << 24 | (in[at + 1] & 0xFFL) << 16 | (in[at + 2] & 0xFFL) << 8 | in[at + 3] & 0xFFL;
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }
}
