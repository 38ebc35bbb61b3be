package ru.spb.feedback.local;

import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tile server on 127.0.0.1 for the web app's map in tests (the machine has no internet, and a test must not leave
 * it): every {@code /{z}/{x}/{y}.png} is a plain 256-px tile with a grid, and it counts what the browser asked for.
 */
final class MapTiles implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    private MapTiles(HttpServer server) {
        this.server = server;
    }

    static MapTiles start() throws IOException {
        byte[] tile = tile();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MapTiles tiles = new MapTiles(server);
        server.createContext("/", exchange -> {
            tiles.served.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, tile.length);
            exchange.getResponseBody().write(tile);
            exchange.close();
        });
        server.start();
        return tiles;
    }

    /** The Leaflet URL template the gateway hands the web app ({@code WEBAPP_TILES_URL}). */
    String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    int served() {
        return served.get();
    }

    private static byte[] tile() throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        paint.setColor(new Color(0xF2EFE9));
        paint.fillRect(0, 0, 256, 256);
        paint.setColor(new Color(0xD9D4CC));
        for (int line = 0; line < 256; line += 64) {
            paint.drawLine(line, 0, line, 256);
            paint.drawLine(0, line, 256, line);
        }
        paint.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
