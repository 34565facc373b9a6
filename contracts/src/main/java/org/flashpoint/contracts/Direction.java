package org.flashpoint.contracts;

/** Which way an article's main news moves the relation between the states of its headline dyad. */
public enum Direction { ESCALATION, DE_ESCALATION, NEUTRAL }
