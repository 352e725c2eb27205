package org.cohortplanner.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which vaccine brands a cohort is given, as shares between 0 and 1 keyed by brand name, in the order entered.
 * Shares that do not add up to 1 are representable so that the validator can report them.
 */
public record BrandAllocation(Map<String, Double> shares) {
    /** Shares are compared to 1 with this tolerance (a hundredth of a percent). */
    public static final double SUM_TOLERANCE = 1e-4;

    public BrandAllocation {
        Objects.requireNonNull(shares, "shares");
        Map<String, Double> copy = new LinkedHashMap<>();
        shares.forEach((brand, share) -> {
            if (brand == null || brand.isBlank()) {
                throw new IllegalArgumentException("brand name must not be blank");
            }
            if (share == null || !Double.isFinite(share) || share < 0 || share > 1) {
                throw new IllegalArgumentException("share of " + brand + " must be between 0 and 1, got " + share);
            }
            copy.put(brand, share);
        });
        shares = Collections.unmodifiableMap(copy);
    }

    public static BrandAllocation single(String brand) {
        return new BrandAllocation(Map.of(brand, 1.0));
    }

    public static BrandAllocation none() {
        return new BrandAllocation(Map.of());
    }

    public double total() {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public boolean sumsToOne() {
        return Math.abs(total() - 1.0) <= SUM_TOLERANCE;
    }

    public double shareOf(String brand) {
        return shares.getOrDefault(brand, 0.0);
    }

    public boolean isSingleBrand() {
        return shares.size() == 1;
    }

    @Override
    public String toString() {
        if (shares.size() == 1) {
            return shares.keySet().iterator().next();
        }
        StringBuilder text = new StringBuilder();
        shares.forEach((brand, share) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(brand).append(' ').append(Math.round(share * 1000) / 10.0).append('%');
        });
        return text.toString();
    }
}
