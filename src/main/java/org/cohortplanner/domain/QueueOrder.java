package org.cohortplanner.domain;

/** How a waiting room orders the people it holds: first come first served, or shuffled at the opening. */
public enum QueueOrder {
    FIFO, RANDOM
}
