package org.cohortplanner.domain;

public enum DeliveryStatus {
    PLANNED, DELAYED, ARRIVED, CANCELLED
}
