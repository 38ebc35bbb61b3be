package ru.spb.feedback.routing.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A body that answers appeals; officers belong to one (token claim {@code organization}). */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    /** What kind of body it is. */
    public enum Kind {
        /** A municipality's local administration; its code is the municipality's code. */
        MUNICIPALITY,
        /** A district administration; code {@code district-<district code>}. */
        DISTRICT,
        /** A city body (committee, service) an admin added. */
        CITY
    }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "municipality_code")
    public String municipalityCode;

    public String email;
    public String phone;
    public String address;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
