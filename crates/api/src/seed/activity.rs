//! The demo organisation's timelines: each record's creation by its owner (or the channel team),
//! and a short exchange on the first deal a partner registered.

use crate::activity::{comment, created, About, Activity, Person};
use crate::records::kind::Record;
use crate::{DealStatus, User};

use super::DemoData;

fn created_all<R: Record>(
    records: &[R],
    users: &[User],
    fallback: &User,
    created_at: impl Fn(&R) -> &str,
    out: &mut Vec<Activity>,
) {
    for record in records {
        let owner = record.owner_user_id();
        let actor = users.iter().find(|u| Some(u.id.as_str()) == owner);
        let id = format!("act_{:05}", out.len() + 1);
        out.push(created(
            id,
            record,
            Some(actor.unwrap_or(fallback)),
            created_at(record),
        ));
    }
}

/// The timeline entries of the demo organisation's records, oldest first.
pub fn demo_activity(data: &DemoData) -> Vec<Activity> {
    let users = &data.users;
    let Some(channel) = users.iter().find(|u| u.id == "usr_channel") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    created_all(&data.leads, users, channel, |r| &r.created_at, &mut out);
    created_all(&data.deals, users, channel, |r| &r.created_at, &mut out);
    created_all(
        &data.opportunities,
        users,
        channel,
        |r| &r.created_at,
        &mut out,
    );
    created_all(&data.contacts, users, channel, |r| &r.created_at, &mut out);
    created_all(
        &data.mdf.requests,
        users,
        channel,
        |r| &r.created_at,
        &mut out,
    );
    created_all(
        &data.mdf.claims,
        users,
        channel,
        |r| &r.created_at,
        &mut out,
    );
    created_all(
        &data.support.cases,
        users,
        channel,
        |r| &r.created_at,
        &mut out,
    );
    let submitted = data.deals.iter().find(|d| {
        d.status == DealStatus::Submitted && d.partner_account_id.as_deref() == Some("acc_acme")
    });
    let partner = users.iter().find(|u| u.id == "usr_acme_exec");
    if let (Some(deal), Some(partner)) = (submitted, partner) {
        let people = [Person::of(channel), Person::of(partner)];
        let about = About::of(deal);
        let question = format!(
            "@{} the customer signs this quarter; could you review it this week?",
            channel.name
        );
        let answer = format!(
            "@{} on it: checking it against the open opportunities first.",
            partner.name
        );
        for (actor, text) in [(partner, question), (channel, answer)] {
            let id = format!("act_{:05}", out.len() + 1);
            out.push(comment(id, &about, actor, &deal.updated_at, &text, &people));
        }
    }
    out.sort_by(|a, b| a.at.cmp(&b.at));
    out
}
