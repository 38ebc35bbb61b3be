package ru.spb.feedback.routing.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An organization said an appeal is not theirs; it is not asked again. */
@Entity
@Table(name = "routing_decline")
public class RoutingDecline extends PanacheEntityBase {

    /** One decline per appeal and organization. */
    @Embeddable
    public record Key(@Column(name = "appeal_id") UUID appealId,
                      @Column(name = "organization_code") String organizationCode) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "municipality_code")
    public String municipalityCode;

    public String reason;

    @Column(name = "declined_at", nullable = false)
    public Instant declinedAt;

    static Set<String> organizationsThatDeclined(UUID appealId) {
        return RoutingDecline.<RoutingDecline>list("key.appealId", appealId).stream()
                .map(decline -> decline.key.organizationCode()).collect(Collectors.toSet());
    }
}
