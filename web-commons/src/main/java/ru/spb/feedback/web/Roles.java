package ru.spb.feedback.web;

/** The values of the token's {@code groups} claim. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "officer";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";
    public static final String INTEGRATOR = "integrator";

    private Roles() {
    }
}
