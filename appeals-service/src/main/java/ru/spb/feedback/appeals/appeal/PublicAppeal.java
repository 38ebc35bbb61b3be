package ru.spb.feedback.appeals.appeal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

import java.util.UUID;

/**
 * The one rule of which appeals are public (ADR 0017): a problem type flagged public in the
 * classifier, not an official 59-ФЗ appeal, and not rejected as spam, abuse or not-an-appeal
 * (rejected duplicates stay: the original they repeat is public too). The Open311 list reads it
 * as an entity ({@code a.id in (select p.id from PublicAppeal p)}), the public statistics as
 * {@link #SQL}, so the figures can be recounted from the public Open311 list.
 */
@Entity
@Immutable
@Subselect(PublicAppeal.SQL)
@Synchronize({"appeal", "category"})
public class PublicAppeal {

    /** The ids of the public appeals, as plain SQL. */
    public static final String SQL = "select a.id from appeal a join category c on c.code = a.category_code"
            + " where c.public and not a.official and (a.status <> 'REJECTED' or a.rejection_reason = 'DUPLICATE')";

    @Id
    public UUID id;
}
