package ru.spb.feedback.messaging.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes work run in one copy of a service at a time: a PostgreSQL advisory lock taken for the
 * current transaction. Whoever does not get it skips the round; the lock goes away with the
 * transaction, also when a copy dies.
 */
@ApplicationScoped
public class ClusterLock {

    @Inject
    EntityManager entityManager;

    /** True if this copy now holds the named lock until the current transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLockForTransaction(String name) {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:name))")
                .setParameter("name", name)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** Waits until this copy holds the named lock; it is released when the current transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForTransaction(String name) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:name))")
                .setParameter("name", name)
                .getSingleResult();
    }
}
