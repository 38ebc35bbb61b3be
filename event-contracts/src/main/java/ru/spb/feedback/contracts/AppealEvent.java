package ru.spb.feedback.contracts;

/**
 * The payload of one event about an appeal. Every implementation is a record annotated with
 * {@link EventType} and listed in {@link EventCatalog}.
 */
public interface AppealEvent {
}
