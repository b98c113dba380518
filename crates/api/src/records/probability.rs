//! The pipeline stages in order, and an opportunity's probability: each stage has its own, which a
//! moved opportunity takes unless someone set another by hand.

use crate::Stage;

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 6] = [
        Stage::Prospecting,
        Stage::Qualification,
        Stage::Proposal,
        Stage::Negotiation,
        Stage::ClosedWon,
        Stage::ClosedLost,
    ];

    /// The probability an opportunity in this stage has unless someone set another.
    pub fn default_probability(self) -> i64 {
        match self {
            Stage::Prospecting => 10,
            Stage::Qualification => 25,
            Stage::Proposal => 50,
            Stage::Negotiation => 75,
            Stage::ClosedWon => 100,
            Stage::ClosedLost => 0,
        }
    }

    /// The probability of an opportunity moved from this stage to `to` with `current`: a closed
    /// stage's certainty; else the new stage's, unless `current` was set by hand (it is not this
    /// stage's own, and this stage is open).
    pub fn probability_after_move(self, to: Stage, current: i64) -> i64 {
        let closed = |s: Stage| matches!(s, Stage::ClosedWon | Stage::ClosedLost);
        if closed(to) || closed(self) || current == self.default_probability() {
            to.default_probability()
        } else {
            current
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Stage;

    #[test]
    fn probability_follows_the_stage_unless_set_by_hand() {
        let open = [
            Stage::Prospecting,
            Stage::Qualification,
            Stage::Proposal,
            Stage::Negotiation,
        ];
        let defaults: Vec<i64> = open.iter().map(|s| s.default_probability()).collect();
        assert!(defaults.windows(2).all(|w| w[0] < w[1]), "{defaults:?}");
        // Following its stage: takes the next one's.
        assert_eq!(
            Stage::Prospecting.probability_after_move(Stage::Qualification, 10),
            25
        );
        // Set by hand: kept while open, certainty once closed.
        assert_eq!(
            Stage::Prospecting.probability_after_move(Stage::Qualification, 40),
            40
        );
        assert_eq!(
            Stage::Proposal.probability_after_move(Stage::ClosedWon, 40),
            100
        );
        assert_eq!(
            Stage::Proposal.probability_after_move(Stage::ClosedLost, 40),
            0
        );
        // Reopened: the stage's own again, whatever it was closed with.
        assert_eq!(
            Stage::ClosedLost.probability_after_move(Stage::Negotiation, 0),
            75
        );
        assert_eq!(
            Stage::ClosedWon.probability_after_move(Stage::Proposal, 100),
            50
        );
        assert_eq!(
            Stage::Negotiation.probability_after_move(Stage::Negotiation, 60),
            60
        );
    }
}
