package ru.spb.feedback.appeals.upload;

/**
 * Reads the one Exif tag worth keeping, Orientation (a camera held sideways), and writes a TIFF
 * structure holding only it. Everything else in Exif (GPS position, camera serial, time, owner,
 * thumbnail) is what we strip.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {
    }

    /**
     * The Orientation in IFD0 of the TIFF structure at {@code data[offset, offset + length)}, which
     * may start with the {@code Exif\0\0} prefix; {@link #NORMAL} when absent or unreadable.
     */
    static int read(byte[] data, int offset, int length) {
        if (ImageFormat.startsWith(data, offset, EXIF_PREFIX) && length >= EXIF_PREFIX.length) {
            offset += EXIF_PREFIX.length;
            length -= EXIF_PREFIX.length;
        }
        if (length < 8) {
            return NORMAL;
        }
        boolean little;
        if (data[offset] == 'I' && data[offset + 1] == 'I') {
            little = true;
        } else if (data[offset] == 'M' && data[offset + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        if (u16(data, offset + 2, little) != 42) {
            return NORMAL;
        }
        long ifd = u32(data, offset + 4, little);
        if (ifd < 8 || ifd + 2 > length) {
            return NORMAL;
        }
        int entries = u16(data, offset + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > length) {
                return NORMAL;
            }
            int at = offset + (int) entry;
            if (u16(data, at, little) == ORIENTATION_TAG) {
                if (u16(data, at + 2, little) != TYPE_SHORT || u32(data, at + 4, little) < 1) {
                    return NORMAL;
                }
                int value = u16(data, at + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** A big-endian TIFF structure whose IFD0 has the Orientation tag and nothing else (26 bytes). */
    static byte[] minimalTiff(int orientation) {
        return new byte[] {
                'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1,
                0x01, 0x12, 0, TYPE_SHORT, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
    }

    /** {@code Exif\0\0} and {@link #minimalTiff}: the payload of a JPEG APP1 segment. */
    static byte[] minimalExif(int orientation) {
        byte[] tiff = minimalTiff(orientation);
        byte[] exif = new byte[EXIF_PREFIX.length + tiff.length];
        System.arraycopy(EXIF_PREFIX, 0, exif, 0, EXIF_PREFIX.length);
        System.arraycopy(tiff, 0, exif, EXIF_PREFIX.length, tiff.length);
        return exif;
    }

    private static int u16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return little ? b << 8 | a : a << 8 | b;
    }

    private static long u32(byte[] data, int at, boolean little) {
        long high = u16(data, at + (little ? 2 : 0), little);
        long low = u16(data, at + (little ? 0 : 2), little);
        return high << 16 | low;
    }
}
