//! The demo organisation's announcements: for everyone, for one tier, and one scheduled.

use crate::announcements::Announcement;
use crate::datetime::{date, timestamp};
use crate::{Audience, Role};

/// Three announcements as of `now` (seconds since the epoch).
pub fn demo_announcements(now: i64) -> Vec<Announcement> {
    let today = now / 86_400;
    let item = |id: &str, title: &str, body: &str, audience: Audience, publish: i64| Announcement {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        audience,
        publish_on: date(today + publish),
        author_name: "Casey Channel".into(),
        created_at: timestamp(now + (publish - 1) * 86_400),
        updated_at: timestamp(now + (publish - 1) * 86_400),
    };
    vec![
        item(
            "ann_pricing",
            "New partner price list from next month",
            "Discounts for Silver and Gold partners go up by two points. The full list is in the partner library.",
            Audience::default(),
            -3,
        ),
        item(
            "ann_gold_summit",
            "Gold partner summit: save the date",
            "Executives of Gold partners are invited to the partner summit in Lisbon. Invitations follow by email.",
            Audience {
                tiers: vec!["tier_gold".into()],
                roles: vec![Role::PartnerExecutive],
            },
            -1,
        ),
        item(
            "ann_q1",
            "Q1 incentive programme",
            "Details of the Q1 incentives are published on the first of the month.",
            Audience::default(),
            5,
        ),
    ]
}
