//! The pipeline board's state: cards by stage, keyboard pick-up and move, optimistic moves with undo on failure.
//!
//! Pure: no DOM, no backend, so it is tested natively.

use std::rc::Rc;

use trellis_api::{Opportunity, OpportunityInput, Stage};
use yew::Reducible;

/// The stages in pipeline order, left to right.
pub const STAGE_ORDER: [Stage; 6] = Stage::ALL;

/// A stage as a person reads it.
pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Prospecting => "Prospecting",
        Stage::Qualification => "Qualification",
        Stage::Proposal => "Proposal",
        Stage::Negotiation => "Negotiation",
        Stage::ClosedWon => "Closed won",
        Stage::ClosedLost => "Closed lost",
    }
}

/// A card picked up with the keyboard, and the stage it would drop into.
#[derive(Clone, Debug, PartialEq)]
pub struct Grab {
    pub id: String,
    pub from: Stage,
    pub over: Stage,
}

/// Everything the board shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Board {
    pub cards: Vec<Opportunity>,
    pub grabbed: Option<Grab>,
    /// The latest message for the live region.
    pub announcement: String,
    pub error: Option<String>,
    /// The card that should have focus after it moved lanes (its element is new there).
    pub focus: Option<String>,
}

/// What happens to the board.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardAction {
    Load(Vec<Opportunity>),
    /// Keyboard: pick a card up.
    PickUp(String),
    /// Keyboard: move the picked-up card this many stages (negative is left).
    Step(i32),
    /// Keyboard: put the card back where it was.
    Cancel,
    /// Put a card in a stage (a mouse drop, or a keyboard drop).
    MoveTo {
        id: String,
        stage: Stage,
    },
    /// The backend refused a move: put the card back as it was, saying why.
    Failed {
        card: Opportunity,
        message: String,
    },
    /// The backend's version of a moved card.
    Saved(Opportunity),
}

/// The edit that puts `card` in `stage`.
pub fn move_input(card: &Opportunity, stage: Stage) -> OpportunityInput {
    OpportunityInput {
        name: card.name.clone(),
        account_name: card.account_name.clone(),
        product: card.product.clone(),
        stage,
        amount: card.amount,
        currency: card.currency.clone(),
        close_date: card.close_date.clone(),
        probability: card.stage.probability_after_move(stage, card.probability),
        next_step: card.next_step.clone(),
        partner_account_id: card.partner_account_id.clone(),
    }
}

fn step(stage: Stage, by: i32) -> Stage {
    let at = STAGE_ORDER.iter().position(|s| *s == stage).unwrap_or(0) as i32;
    STAGE_ORDER[(at + by).clamp(0, STAGE_ORDER.len() as i32 - 1) as usize]
}

impl Board {
    /// The cards in one stage, in load order.
    pub fn lane(&self, stage: Stage) -> impl Iterator<Item = &Opportunity> {
        self.cards.iter().filter(move |c| c.stage == stage)
    }

    fn name(&self, id: &str) -> String {
        self.cards
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }
}

impl Reducible for Board {
    type Action = BoardAction;

    fn reduce(self: Rc<Self>, action: BoardAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            BoardAction::Load(cards) => {
                next.cards = cards;
                next.grabbed = None;
            }
            BoardAction::PickUp(id) => {
                let Some(card) = next.cards.iter().find(|c| c.id == id) else {
                    return self;
                };
                next.announcement = format!(
                    "Picked up {} in {}. Left and right arrows choose a stage, Space or Enter drops, Escape cancels.",
                    card.name,
                    stage_label(card.stage)
                );
                next.grabbed = Some(Grab {
                    id,
                    from: card.stage,
                    over: card.stage,
                });
            }
            BoardAction::Step(by) => {
                let Some(grab) = next.grabbed.as_mut() else {
                    return self;
                };
                let over = step(grab.over, by);
                if over == grab.over {
                    return self;
                }
                grab.over = over;
                let id = grab.id.clone();
                next.announcement = format!("{}: over {}", next.name(&id), stage_label(over));
            }
            BoardAction::Cancel => {
                let Some(grab) = next.grabbed.take() else {
                    return self;
                };
                next.announcement = format!(
                    "{} stays in {}",
                    next.name(&grab.id),
                    stage_label(grab.from)
                );
            }
            BoardAction::MoveTo { id, stage } => {
                next.grabbed = None;
                next.error = None;
                next.focus = Some(id.clone());
                let Some(card) = next.cards.iter_mut().find(|c| c.id == id) else {
                    return self;
                };
                if card.stage == stage {
                    next.announcement = format!("{} stays in {}", card.name, stage_label(stage));
                } else {
                    card.probability = card.stage.probability_after_move(stage, card.probability);
                    card.stage = stage;
                    next.announcement = format!("{} moved to {}", card.name, stage_label(stage));
                }
            }
            BoardAction::Failed { card, message } => {
                next.announcement = format!("{} could not be moved: {message}", card.name);
                next.error = Some(next.announcement.clone());
                if let Some(slot) = next.cards.iter_mut().find(|c| c.id == card.id) {
                    *slot = card;
                }
            }
            BoardAction::Saved(card) => {
                if let Some(slot) = next.cards.iter_mut().find(|c| c.id == card.id) {
                    *slot = card;
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, stage: Stage, probability: i64) -> Opportunity {
        Opportunity {
            id: id.into(),
            name: format!("Deal {id}"),
            account_name: "Globex".into(),
            product: String::new(),
            stage,
            amount: 1000,
            currency: "EUR".into(),
            close_date: "2027-01-31".into(),
            probability,
            next_step: String::new(),
            partner_account_id: Some("acc_acme".into()),
            owner_user_id: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn board() -> Rc<Board> {
        Rc::new(Board::default()).reduce(BoardAction::Load(vec![
            card("a", Stage::Prospecting, 10),
            card("b", Stage::Proposal, 50),
        ]))
    }

    #[test]
    fn keyboard_pick_up_step_and_drop() {
        let b = board().reduce(BoardAction::PickUp("a".into()));
        assert!(b
            .announcement
            .starts_with("Picked up Deal a in Prospecting"));
        let b = b.reduce(BoardAction::Step(-1));
        assert_eq!(
            b.grabbed.as_ref().unwrap().over,
            Stage::Prospecting,
            "clamped at the left"
        );
        let b = b.reduce(BoardAction::Step(1)).reduce(BoardAction::Step(1));
        assert_eq!(b.announcement, "Deal a: over Proposal");
        let over = b.grabbed.as_ref().unwrap().over;
        let b = b.reduce(BoardAction::MoveTo {
            id: "a".into(),
            stage: over,
        });
        assert_eq!(b.lane(Stage::Proposal).count(), 2);
        assert_eq!(b.announcement, "Deal a moved to Proposal");
        assert!(b.grabbed.is_none());
        assert_eq!(b.focus.as_deref(), Some("a"));
    }

    #[test]
    fn cancel_and_failed_moves_restore_the_card() {
        let b = board()
            .reduce(BoardAction::PickUp("b".into()))
            .reduce(BoardAction::Step(1));
        let b = b.reduce(BoardAction::Cancel);
        assert_eq!(
            (b.grabbed.clone(), b.announcement.as_str()),
            (None, "Deal b stays in Proposal")
        );
        let before = b.cards[1].clone();
        let b = b.reduce(BoardAction::MoveTo {
            id: "b".into(),
            stage: Stage::ClosedWon,
        });
        assert_eq!(
            (b.cards[1].stage, b.cards[1].probability),
            (Stage::ClosedWon, 100)
        );
        let b = b.reduce(BoardAction::Failed {
            card: before,
            message: "Network".into(),
        });
        assert_eq!(
            (b.cards[1].stage, b.cards[1].probability),
            (Stage::Proposal, 50)
        );
        assert_eq!(
            b.error.as_deref(),
            Some("Deal b could not be moved: Network")
        );
    }

    #[test]
    fn a_moved_card_takes_the_probability_the_contract_gives() {
        let input = move_input(&card("a", Stage::ClosedWon, 100), Stage::Qualification);
        assert_eq!((input.stage, input.probability), (Stage::Qualification, 25));
        let input = move_input(&card("b", Stage::Prospecting, 10), Stage::Proposal);
        assert_eq!(input.probability, 50, "following its stage");
        let input = move_input(&card("c", Stage::Prospecting, 33), Stage::Proposal);
        assert_eq!(input.probability, 33, "set by hand");
        assert_eq!(
            input.partner_account_id.as_deref(),
            Some("acc_acme"),
            "staff edits keep the partner"
        );
    }
}
