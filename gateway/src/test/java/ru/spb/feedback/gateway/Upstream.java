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

    /** How many of its event streams are still held open by the gateway. */
    int openStreams() {
        return RestAssured.given().get(url() + "/__open-streams").then().statusCode(200).extract().as(Integer.class);
    }

    /** The request URIs whose body reached this upstream to its end. */
    List<String> completed() {
        return RestAssured.given().get(url() + "/__completed").then().statusCode(200).extract().as(new TypeRef<>() {
        });
    }
}
