package ru.spb.feedback.routing.territory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 111 intra-city municipal formations. */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    /** Kinds of municipal formation in St. Petersburg. */
    public enum Type {
        MUNICIPAL_OKRUG, CITY, SETTLEMENT
    }

    /** Its OpenStreetMap relation id, the code every service uses. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    /** The body answering for it by default; its own local administration unless an admin changed it. */
    @Column(name = "organization_code", nullable = false)
    public String organizationCode;

    public String email;
    public String phone;
    public String address;
    public String website;
}
