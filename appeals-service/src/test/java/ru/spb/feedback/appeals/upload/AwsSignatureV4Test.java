package ru.spb.feedback.appeals.upload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signature V4 against the example AWS publishes for S3 (GET Object with a Range header). */
class AwsSignatureV4Test {

    @Test
    void signsTheS3GetObjectExampleAsAwsDoes() {
        AwsSignatureV4 signer = new AwsSignatureV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "s3");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", AwsSignatureV4.EMPTY_PAYLOAD);
        headers.put("x-amz-date", "20130524T000000Z");

        String authorization = signer.authorization("GET", "/test.txt", "", headers, AwsSignatureV4.EMPTY_PAYLOAD,
                Instant.parse("2013-05-24T00:00:00Z"));

        assertThat(authorization).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void encodesPathsAsS3Wants() {
        assertThat(AwsSignatureV4.encodePath("uploads/a b+c~ü")).isEqualTo("uploads/a%20b%2Bc~%C3%BC");
        assertThat(AwsSignatureV4.amzDate(Instant.parse("2026-11-27T09:30:05.123Z"))).isEqualTo("20261127T093005Z");
    }
}
