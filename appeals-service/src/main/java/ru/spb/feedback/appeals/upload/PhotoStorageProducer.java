package ru.spb.feedback.appeals.upload;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Picks the photo storage the configuration names ({@code appeals.uploads.storage}). */
@ApplicationScoped
public class PhotoStorageProducer {

    @Produces
    @ApplicationScoped
    PhotoStorage storage(UploadsConfig config, AgroalDataSource dataSource) {
        return switch (config.storage()) {
            case POSTGRES -> new PostgresPhotoStorage(dataSource);
            case S3 -> new S3PhotoStorage(config.s3());
        };
    }
}
