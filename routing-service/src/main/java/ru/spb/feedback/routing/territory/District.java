package ru.spb.feedback.routing.territory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 18 districts (районы) of St. Petersburg. */
@Entity
@Table(name = "district")
public class District extends PanacheEntityBase {

    /** A latin slug, e.g. {@code admiralteysky}. */
    @Id
    public String code;

    /** Short name, e.g. «Адмиралтейский». */
    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    /** The district administration. */
    @Column(name = "organization_code", nullable = false)
    public String organizationCode;
}
