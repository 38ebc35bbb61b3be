package ru.spb.feedback.appeals.upload;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Photo bytes in PostgreSQL's {@code upload_content} table. Writes join the caller's transaction
 * (the datasource enlists its connection), so an upload row and its bytes commit together. A
 * download reads slice by slice, each with a short query of its own, so neither a whole photo
 * sits in memory nor a connection is held while a slow client reads.
 */
public class PostgresPhotoStorage implements PhotoStorage {

    static final int SLICE_BYTES = 256 * 1024;

    private final DataSource dataSource;

    public PostgresPhotoStorage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void put(UUID id, InputStream content, long size, String contentType) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into upload_content (upload_id, bytes) values (?, ?)")) {
            insert.setObject(1, id);
            insert.setBinaryStream(2, content, size);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot store upload " + id, e);
        }
    }

    @Override
    public Optional<InputStream> open(UUID id) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select octet_length(bytes) from upload_content where upload_id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new SlicedStream(id, row.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("cannot read upload " + id, e);
        }
    }

    @Override
    public void delete(UUID id) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from upload_content where upload_id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot delete upload " + id, e);
        }
    }

    /** Reads the bytes in slices of {@link #SLICE_BYTES} with {@code substring()}. */
    private final class SlicedStream extends InputStream {

        private final UUID id;
        private final long length;
        private long offset;
        private byte[] slice = new byte[0];
        private int inSlice;

        SlicedStream(UUID id, long length) {
            this.id = id;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int from, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (inSlice == slice.length) {
                if (offset >= length) {
                    return -1;
                }
                slice = fetch(offset, (int) Math.min(SLICE_BYTES, length - offset));
                offset += slice.length;
                inSlice = 0;
            }
            int n = Math.min(count, slice.length - inSlice);
            System.arraycopy(slice, inSlice, buffer, from, n);
            inSlice += n;
            return n;
        }

        private byte[] fetch(long at, int count) throws IOException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "select substring(bytes from ? for ?) from upload_content where upload_id = ?")) {
                query.setInt(1, Math.toIntExact(at + 1));
                query.setInt(2, count);
                query.setObject(3, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IOException("upload " + id + " was deleted while being read");
                    }
                    byte[] bytes = row.getBytes(1);
                    if (bytes.length == 0) {
                        throw new IOException("upload " + id + " is shorter than announced");
                    }
                    return bytes;
                }
            } catch (SQLException e) {
                throw new IOException("cannot read upload " + id, e);
            }
        }
    }
}
