package ru.spb.feedback.gateway;

import io.restassured.RestAssured;
import io.restassured.common.mapper.TypeRef;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/** A test upstream seen from the test: its URL and what reached it. */
record Upstream(String name) {

    String url() {
        return ConfigProvider.getConfig().getValue("gateway.upstreams." + name + ".url", String.class);
    }

    /** The request URIs (path and query) that reached this upstream so far. */
    List<String> seen() {
        return RestAssured.given().get(url() + "/__seen").then().statusCode(200).extract().as(new TypeRef<>() {
        });
    }
}
