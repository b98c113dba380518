//! The staff home's work queues: what waits for the channel team, and where each is listed in
//! full. The UI draws them and the server preloads their first calls, from this one list.

use crate::endpoints::{query_string, Endpoint, LIST_CASES, LIST_DEALS, LIST_LEADS};
use crate::endpoints::{LIST_MDF_CLAIMS, LIST_MDF_REQUESTS};
use crate::ListQuery;

/// One queue on the staff home.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueKind {
    DealsToReview,
    FundRequests,
    FundClaims,
    NewCases,
    LeadPool,
}

/// How a queue is fetched, titled and listed in full.
#[derive(Clone, Copy, Debug)]
pub struct Queue {
    pub kind: QueueKind,
    /// The card's heading.
    pub title: &'static str,
    /// What the card says when nothing waits.
    pub empty: &'static str,
    /// The list endpoint it reads.
    pub list: &'static Endpoint,
    /// The status (wire name) of the records waiting.
    pub status: &'static str,
    /// The screen listing the whole queue (`path?query`, the list's own filter parameters).
    pub see_all: &'static str,
}

/// How many records each queue card shows.
pub const QUEUE_LIMIT: u32 = 5;

/// The queues, in the order the home page shows them.
pub const QUEUES: [Queue; 5] = [
    Queue {
        kind: QueueKind::DealsToReview,
        title: "Deals to review",
        empty: "No deal registration waits for review.",
        list: &LIST_DEALS,
        status: "submitted",
        see_all: "/deals?status=submitted&sort=created_at",
    },
    Queue {
        kind: QueueKind::FundRequests,
        title: "Fund requests to decide",
        empty: "No fund request waits for a decision.",
        list: &LIST_MDF_REQUESTS,
        status: "submitted",
        see_all: "/funds?requests_status=submitted&requests_sort=created_at",
    },
    Queue {
        kind: QueueKind::FundClaims,
        title: "Fund claims to decide",
        empty: "No fund claim waits for a decision.",
        list: &LIST_MDF_CLAIMS,
        status: "submitted",
        see_all: "/funds?claims_status=submitted&claims_sort=created_at",
    },
    Queue {
        kind: QueueKind::NewCases,
        title: "New support cases",
        empty: "No new support case.",
        list: &LIST_CASES,
        status: "new",
        see_all: "/support?status=new&sort=created_at",
    },
    Queue {
        kind: QueueKind::LeadPool,
        title: "Leads in the pool",
        empty: "The lead pool is empty.",
        list: &LIST_LEADS,
        status: "new",
        see_all: "/leads?status=new&sort=created_at",
    },
];

impl Queue {
    /// The list query the card asks: the records with the queue's status, waiting longest first.
    pub fn query(&self) -> ListQuery {
        ListQuery {
            status: Some(self.status.into()),
            limit: Some(QUEUE_LIMIT),
            sort: Some("created_at".into()),
            ..Default::default()
        }
    }

    /// The card's first call as `path?query`, for preloading.
    pub fn call(&self) -> String {
        let wire = serde_json::to_value(self.query()).unwrap_or_default();
        format!("{}{}", self.list.path, query_string(&wire))
    }
}

/// The partner accounts staff screens name rows by (`components/directory.rs`): every partner.
pub fn directory_query() -> crate::ListQuery {
    crate::ListQuery {
        status: Some("partner".into()),
        limit: Some(crate::ListQuery::MAX_LIMIT),
        ..Default::default()
    }
}

/// The calls that load the staff screens' directory: the programs and [`directory_query`].
pub fn directory_calls() -> [String; 2] {
    let wire = serde_json::to_value(directory_query()).unwrap_or_default();
    [
        crate::endpoints::LIST_PROGRAMS.path.to_string(),
        format!(
            "{}{}",
            crate::endpoints::LIST_ACCOUNTS.path,
            query_string(&wire)
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::QUEUES;
    use crate::records::kind::Record;
    use crate::{DealRegistration, Lead};

    #[test]
    fn every_queue_asks_for_a_status_its_list_knows() {
        let valid = |q: &super::Queue| match q.list.name {
            "list_deals" => DealRegistration::valid_status(q.status),
            "list_leads" => Lead::valid_status(q.status),
            "list_mdf_requests" => crate::mdf::MdfRequest::valid_status(q.status),
            "list_mdf_claims" => crate::mdf::MdfClaim::valid_status(q.status),
            "list_cases" => crate::support::SupportCase::valid_status(q.status),
            other => panic!("no queue reads {other}"),
        };
        for queue in &QUEUES {
            assert!(valid(queue), "{:?} asks for {}", queue.kind, queue.status);
            assert!(queue.see_all.contains(&format!("status={}", queue.status)));
        }
        assert_eq!(
            QUEUES[0].call(),
            "/api/deals?limit=5&sort=created_at&status=submitted",
            "the preloaded address is the one the client asks"
        );
    }
}
