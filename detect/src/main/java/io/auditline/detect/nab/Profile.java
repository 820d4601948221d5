package io.auditline.detect.nab;

import java.util.List;

/**
 * A NAB cost profile: the weights of a true positive, a false positive and a false negative.
 *
 * @param name the profile name as NAB spells it
 */
public record Profile(String name, double tpWeight, double fpWeight, double fnWeight) {

    public Profile {
        if (!(tpWeight > 0 && fpWeight >= 0 && fnWeight >= 0)) {
            throw new IllegalArgumentException("weights: %s/%s/%s (expected: tp > 0, fp >= 0, fn >= 0)"
                    .formatted(tpWeight, fpWeight, fnWeight));
        }
    }

    public static final Profile STANDARD = new Profile("standard", 1, 0.11, 1);
    public static final Profile REWARD_LOW_FP = new Profile("reward_low_FP_rate", 1, 0.22, 1);
    public static final Profile REWARD_LOW_FN = new Profile("reward_low_FN_rate", 1, 0.11, 2);

    /** The three NAB v1.1 profiles in NAB's order. */
    public static List<Profile> all() {
        return List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
    }
}
