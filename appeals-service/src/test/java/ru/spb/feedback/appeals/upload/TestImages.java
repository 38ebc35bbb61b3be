package ru.spb.feedback.appeals.upload;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/** Test images made on the spot: ImageIO encodes the pixels, metadata is built here byte by byte. */
final class TestImages {

    /** Where the test photos were "taken": near the Admiralty. */
    static final double LATITUDE = 59.9375;
    static final double LONGITUDE = 30.3086;
    static final String CAMERA_OWNER = "Anna Smirnova";
    static final String SERIAL = "SN-4711-0815";

    /** The smallest lossy WebP: one VP8 key frame of 1×1 pixel. */
    private static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private TestImages() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | random.nextInt(64));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /**
     * A camera's Exif: IFD0 with Make, Artist, Orientation and pointers to an Exif IFD (body
     * serial number, time taken) and a GPS IFD (latitude and longitude). Little-endian, as phones write it.
     */
    static byte[] exifTiff(int orientation) {
        Ifd gps = new Ifd()
                .ascii(0x0001, "N").rationals(0x0002, LATITUDE)
                .ascii(0x0003, "E").rationals(0x0004, LONGITUDE);
        Ifd exif = new Ifd()
                .ascii(0x9003, "2026:11:27 09:30:00")
                .ascii(0xA431, SERIAL);
        Ifd ifd0 = new Ifd()
                .ascii(0x010F, "TestCam")
                .shortValue(0x0112, orientation)
                .ascii(0x013B, CAMERA_OWNER);
        return Ifd.tiff(ifd0, exif, gps);
    }

    /** An APP1 XMP packet with a GPS position and a creator. */
    static byte[] xmpPacket() {
        String xml = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/' "
                + "exif:GPSLatitude='59,56.25N' exif:GPSLongitude='30,18.516E'><dc:creator>" + CAMERA_OWNER
                + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Inserts metadata segments right after the JFIF APP0 (or SOI): Exif, XMP, IPTC and a comment, as editors leave them. */
    static byte[] jpegWithMetadata(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int insertAt = afterApp0(jpeg);
        out.write(jpeg, 0, insertAt);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff(orientation)));
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1), xmpPacket()));
        segment(out, 0xED, concat("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1), iptcByline()));
        segment(out, 0xFE, ("Owner: " + CAMERA_OWNER).getBytes(StandardCharsets.ISO_8859_1));
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }

    /** Offset right after SOI and a leading APP0 segment, if any. */
    static int afterApp0(byte[] jpeg) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at += 2 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        }
        return at;
    }

    /** The bytes from the first quantisation table to the end: tables, frame header, scans. */
    static byte[] jpegImageData(byte[] jpeg) {
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDB) {
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        byte[] data = new byte[jpeg.length - at];
        System.arraycopy(jpeg, at, data, 0, data.length);
        return data;
    }

    /** A Photoshop image resource block 0x0404 with an IPTC By-line (2:80). */
    private static byte[] iptcByline() {
        byte[] name = CAMERA_OWNER.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer iptc = ByteBuffer.allocate(5 + name.length).order(ByteOrder.BIG_ENDIAN);
        iptc.put((byte) 0x1C).put((byte) 2).put((byte) 80).putShort((short) name.length).put(name);
        int padded = iptc.capacity() + (iptc.capacity() & 1);
        ByteBuffer block = ByteBuffer.allocate(4 + 2 + 2 + 4 + padded).order(ByteOrder.BIG_ENDIAN);
        block.put("8BIM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 0x0404).putShort((short) 0)
                .putInt(iptc.capacity()).put(iptc.array());
        return block.array();
    }

    static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload, 0, payload.length);
    }

    /** A PNG with text chunks (tEXt, zTXt, iTXt), tIME, an eXIf with GPS, and a private chunk, all before the image data. */
    static byte[] pngWithMetadata(byte[] png, int orientation) {
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        chunk(out, "tEXt", ("Author\0" + CAMERA_OWNER).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "zTXt", concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate("GPS " + LATITUDE + " " + LONGITUDE)));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + new String(xmpPacket(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 11, 27, 9, 30, 0});
        chunk(out, "eXIf", exifTiff(orientation));
        chunk(out, "prVt", ("serial " + SERIAL).getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** The PNG's chunks of one type, data only, concatenated. */
    static byte[] pngChunks(byte[] png, String type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 8;
        while (at < png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            if (new String(png, at + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                out.write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return out.toByteArray();
    }

    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            types.add(new String(png, at + 4, 4, StandardCharsets.ISO_8859_1));
            at += 12 + length;
        }
        return types;
    }

    /** A PNG whose header declares {@code width × height} pixels, with no image data worth the name. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, 8);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(""));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A JPEG whose frame header declares {@code width × height}: a real small JPEG with its SOF patched. */
    static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(16, 16);
        int at = 2;
        while (true) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                jpeg[at + 5] = (byte) (height >> 8);
                jpeg[at + 6] = (byte) height;
                jpeg[at + 7] = (byte) (width >> 8);
                jpeg[at + 8] = (byte) width;
                return jpeg;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array(), 0, 4);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
    }

    /** The 1×1 WebP as an extended file: VP8X with the EXIF and XMP flags, the image, EXIF with GPS, XMP. */
    static byte[] webpWithMetadata(int orientation) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        riffChunk(chunks, "VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        chunks.write(WEBP_1X1, 12, WEBP_1X1.length - 12);
        riffChunk(chunks, "EXIF", exifTiff(orientation));
        riffChunk(chunks, "XMP ", xmpPacket());
        return riff(chunks.toByteArray());
    }

    static byte[] webpSimple() {
        return WEBP_1X1.clone();
    }

    /** The bytes of the WebP's VP8 chunk, header included. */
    static byte[] webpImageChunk(byte[] webp) {
        int at = 12;
        while (at < webp.length) {
            int size = ByteBuffer.wrap(webp, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (new String(webp, at, 4, StandardCharsets.ISO_8859_1).equals("VP8 ")) {
                byte[] chunk = new byte[8 + size];
                System.arraycopy(webp, at, chunk, 0, chunk.length);
                return chunk;
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("no VP8 chunk");
    }

    /** An extended WebP whose canvas is {@code width × height} (the image inside does not matter: the canvas is checked first). */
    static byte[] webpDeclaring(int width, int height) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] vp8x = new byte[10];
        vp8x[4] = (byte) (width - 1);
        vp8x[5] = (byte) ((width - 1) >> 8);
        vp8x[6] = (byte) ((width - 1) >> 16);
        vp8x[7] = (byte) (height - 1);
        vp8x[8] = (byte) ((height - 1) >> 8);
        vp8x[9] = (byte) ((height - 1) >> 16);
        riffChunk(chunks, "VP8X", vp8x);
        chunks.write(WEBP_1X1, 12, WEBP_1X1.length - 12);
        return riff(chunks.toByteArray());
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.write(type.getBytes(StandardCharsets.ISO_8859_1), 0, 4);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array(), 0, 4);
        out.write(data, 0, data.length);
        if ((data.length & 1) != 0) {
            out.write(0);
        }
    }

    private static byte[] riff(byte[] chunks) {
        ByteBuffer file = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + chunks.length)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(chunks);
        return file.array();
    }

    private static byte[] deflate(String text) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        byte[] buffer = new byte[1024];
        int length = deflater.deflate(buffer);
        deflater.end();
        byte[] out = new byte[length];
        System.arraycopy(buffer, 0, out, 0, length);
        return out;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** A TIFF image file directory: entries in tag order, values too long for the entry stored after all IFDs. */
    static final class Ifd {
        private record Entry(int tag, int type, int count, byte[] value) {
        }

        private final List<Entry> entries = new ArrayList<>();

        Ifd ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
            entries.add(new Entry(tag, 2, value.length, value));
            return this;
        }

        Ifd shortValue(int tag, int value) {
            entries.add(new Entry(tag, 3, 1, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array()));
            return this;
        }

        /** Degrees, minutes, seconds as three RATIONALs. */
        Ifd rationals(int tag, double degrees) {
            int whole = (int) degrees;
            double minutesExact = (degrees - whole) * 60;
            int minutes = (int) minutesExact;
            int seconds100 = (int) Math.round((minutesExact - minutes) * 60 * 100);
            ByteBuffer value = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(whole).putInt(1).putInt(minutes).putInt(1).putInt(seconds100).putInt(100);
            entries.add(new Entry(tag, 5, 3, value.array()));
            return this;
        }

        int size() {
            return 2 + 12 * entries.size() + 4;
        }

        /** IFD0 pointing to an Exif IFD (tag 0x8769) and a GPS IFD (tag 0x8825). */
        static byte[] tiff(Ifd ifd0, Ifd exif, Ifd gps) {
            int ifd0Size = ifd0.size() + 2 * 12;
            int exifOffset = 8 + ifd0Size;
            int gpsOffset = exifOffset + exif.size();
            int dataOffset = gpsOffset + gps.size();
            ifd0.entries.add(new Entry(0x8769, 4, 1, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(exifOffset).array()));
            ifd0.entries.add(new Entry(0x8825, 4, 1, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(gpsOffset).array()));
            ifd0.entries.sort(java.util.Comparator.comparingInt(Entry::tag));
            ByteBuffer tiff = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
            int[] data = {dataOffset};
            ByteArrayOutputStream values = new ByteArrayOutputStream();
            for (Ifd ifd : List.of(ifd0, exif, gps)) {
                tiff.putShort((short) ifd.entries.size());
                for (Entry entry : ifd.entries) {
                    tiff.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
                    if (entry.value().length <= 4) {
                        tiff.put(java.util.Arrays.copyOf(entry.value(), 4));
                    } else {
                        tiff.putInt(data[0]);
                        values.write(entry.value(), 0, entry.value().length);
                        data[0] += entry.value().length;
                    }
                }
                tiff.putInt(0);
            }
            tiff.put(values.toByteArray());
            return java.util.Arrays.copyOf(tiff.array(), tiff.position());
        }
    }
}
