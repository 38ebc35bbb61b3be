package ru.spb.feedback.routing.territory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored GeoJSON boundary set; the active one of each kind is what every copy of the service uses. */
@Entity
@Table(name = "boundary_set")
public class BoundarySet extends PanacheEntityBase {

    /** Which areas a set draws. */
    public enum Kind {
        MUNICIPALITIES, DISTRICTS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The FeatureCollection as uploaded; loaded only when an index is built. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String geojson;

    @Column(name = "feature_count", nullable = false)
    public int featureCount;

    /** Where it came from: the bundled file's name or "upload". */
    @Column(nullable = false)
    public String source;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(nullable = false)
    public boolean active;
}
