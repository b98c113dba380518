//! The demo organisation's support: cases in every status with their threads, and the contact channels.

use crate::datetime::timestamp;
use crate::support::{
    CaseCategory, CaseMessage, CasePriority, CaseStatus, SupportCase, SupportChannels,
};

/// Seeded cases, their messages and the channels.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DemoSupport {
    pub cases: Vec<SupportCase>,
    pub messages: Vec<CaseMessage>,
    pub channels: SupportChannels,
}

/// The demo support desk as of `now` (seconds since the epoch).
pub fn demo_support(now: i64) -> DemoSupport {
    use CaseCategory as C;
    use CasePriority as P;
    use CaseStatus as S;
    let rows = [
        (
            "case_licence",
            "acc_acme",
            "usr_acme_exec",
            "Licence keys for a 40-seat renewal",
            C::Licensing,
            P::High,
            S::New,
            1,
        ),
        (
            "case_portal",
            "acc_acme",
            "usr_acme_rep",
            "Deal registration form rejects our domain",
            C::DealRegistration,
            P::Normal,
            S::InProgress,
            4,
        ),
        (
            "case_invoice",
            "acc_bluebird",
            "usr_blue_exec",
            "Invoice 2231 shows the wrong discount",
            C::Billing,
            P::Normal,
            S::WaitingOnPartner,
            6,
        ),
        (
            "case_sso",
            "acc_cedar",
            "usr_cedar_exec",
            "Single sign-on fails after the upgrade",
            C::Technical,
            P::Urgent,
            S::Solved,
            15,
        ),
    ];
    let mut cases = Vec::new();
    let mut messages = Vec::new();
    for (id, account, owner, subject, category, priority, status, ago) in rows {
        let at = timestamp(now - ago * 86_400);
        cases.push(SupportCase {
            id: id.into(),
            subject: subject.into(),
            category,
            priority,
            description: format!("{subject}. Please advise; details and screenshots on request."),
            status,
            attachment_file_id: None,
            attachment_name: None,
            partner_account_id: Some(account.into()),
            owner_user_id: Some(owner.into()),
            created_at: at.clone(),
            updated_at: at,
        });
        if status != S::New {
            messages.push(CaseMessage {
                id: format!("msg_{id}_1"),
                case_id: id.into(),
                author_name: "Casey Channel".into(),
                from_staff: true,
                body: "Thanks for reporting this. We are looking into it.".into(),
                created_at: timestamp(now - ago * 86_400 + 3_600),
            });
        }
        if status == S::WaitingOnPartner {
            messages.push(CaseMessage {
                id: format!("msg_{id}_2"),
                case_id: id.into(),
                author_name: "Casey Channel".into(),
                from_staff: true,
                body: "Could you send the order number the discount was agreed on?".into(),
                created_at: timestamp(now - (ago - 1) * 86_400),
            });
        }
    }
    DemoSupport {
        cases,
        messages,
        channels: SupportChannels {
            email: "partners@trellis.test".into(),
            chat_url: "https://chat.trellis.test/partners".into(),
            video_url: "https://meet.trellis.test/channel-team".into(),
            hours: "Monday to Friday, 8:00–18:00 CET".into(),
        },
    }
}
