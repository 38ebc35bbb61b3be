package ru.spb.feedback.appeals.upload;

import java.io.ByteArrayOutputStream;

/**
 * Strips identifying metadata from a JPEG without decoding it: walks the marker segments, drops
 * APP1 (Exif, XMP), APP13 (IPTC, Photoshop), COM and every other APPn except JFIF, ICC profile
 * and Adobe (which decoders need), and copies all other segments and the entropy-coded image
 * data byte for byte. Anything after EOI (appended images of MPF, vendor trailers) is dropped.
 */
final class JpegMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;

    private static final byte[] JFIF = {'J', 'F', 'I', 'F', 0};
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ICC_PROFILE = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    private static final byte[] ADOBE = {'A', 'd', 'o', 'b', 'e'};

    private JpegMetadata() {
    }

    static SanitizedImage strip(byte[] in, long maxPixels) throws ImageRejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(SOI);
        int pos = 2;
        int width = -1;
        int height = -1;
        boolean scanSeen = false;
        boolean exifSeen = false;
        while (pos < in.length) {
            if ((in[pos] & 0xFF) != 0xFF) {
                throw ImageRejected.malformed("JPEG: expected a marker at byte " + pos);
            }
            while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes before a marker
            }
            if (pos >= in.length) {
                break;
            }
            int marker = in[pos++] & 0xFF;
            if (marker == EOI) {
                if (!scanSeen) {
                    throw ImageRejected.malformed("JPEG: ends before any image data");
                }
                out.write(0xFF);
                out.write(EOI);
                return new SanitizedImage(ImageFormat.JPEG, width, height, out.toByteArray());
            }
            if (marker == TEM || marker >= 0xD0 && marker <= 0xD7) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            if (marker == SOI || marker == 0x00) {
                throw ImageRejected.malformed("JPEG: unexpected marker at byte " + (pos - 1));
            }
            if (pos + 2 > in.length) {
                throw ImageRejected.malformed("JPEG: truncated segment header");
            }
            int length = (in[pos] & 0xFF) << 8 | in[pos + 1] & 0xFF;
            int dataStart = pos + 2;
            int end = pos + length;
            if (length < 2 || end > in.length) {
                throw ImageRejected.malformed("JPEG: a segment runs past the end of the file");
            }
            if (isFrameHeader(marker)) {
                if (width >= 0) {
                    throw ImageRejected.unsupported("JPEG: more than one frame (hierarchical JPEG)");
                }
                if (length < 8) {
                    throw ImageRejected.malformed("JPEG: truncated frame header");
                }
                height = (in[dataStart + 1] & 0xFF) << 8 | in[dataStart + 2] & 0xFF;
                width = (in[dataStart + 3] & 0xFF) << 8 | in[dataStart + 4] & 0xFF;
                if (height == 0) {
                    throw ImageRejected.unsupported("JPEG: the height is only given after the image data (DNL)");
                }
                ImageRejected.checkPixels(width, height, maxPixels);
            }
            if (marker == APP1 && !exifSeen && ImageFormat.startsWith(in, dataStart, EXIF)) {
                exifSeen = true;
                int orientation = ExifOrientation.read(in, dataStart, length - 2);
                if (orientation != ExifOrientation.NORMAL) {
                    writeSegment(out, APP1, ExifOrientation.minimalExif(orientation));
                }
            }
            if (keeps(marker, in, dataStart)) {
                out.write(in, pos - 2, length + 2);
            }
            pos = end;
            if (marker == SOS) {
                if (width < 0) {
                    throw ImageRejected.malformed("JPEG: image data before the frame header");
                }
                scanSeen = true;
                int next = endOfEntropyData(in, pos);
                out.write(in, pos, next - pos);
                pos = next;
            }
        }
        if (!scanSeen) {
            throw ImageRejected.malformed("JPEG: ends before any image data");
        }
        // some encoders leave out the final EOI; decoders show such files, so do we
        return new SanitizedImage(ImageFormat.JPEG, width, height, out.toByteArray());
    }

    /** SOF0–3, 5–7, 9–11, 13–15; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean keeps(int marker, byte[] in, int dataStart) {
        if (marker == COM) {
            return false;
        }
        if (marker < APP0 || marker > APP15) {
            return true;
        }
        return marker == APP0 && ImageFormat.startsWith(in, dataStart, JFIF)
                || marker == APP2 && ImageFormat.startsWith(in, dataStart, ICC_PROFILE)
                || marker == APP14 && ImageFormat.startsWith(in, dataStart, ADOBE);
    }

    /** The position of the next marker after entropy-coded data: skips stuffed FF00 and restart markers. */
    private static int endOfEntropyData(byte[] in, int from) {
        int i = from;
        while (i + 1 < in.length) {
            if ((in[i] & 0xFF) == 0xFF) {
                int next = in[i + 1] & 0xFF;
                if (next == 0x00 || next >= 0xD0 && next <= 0xD7) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return in.length;
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }
}
