//! Lead distribution: handing pooled leads to partner accounts by a rule, with an acceptance deadline.
//!
//! The rules are pure functions of the leads and the partners, shared by every backend; a lead
//! that no rule matches stays in the pool and the result says why.

use serde::{Deserialize, Serialize};

use crate::{Account, ApiError, FieldError, Lead, LeadStatus};

/// Days a partner has to accept an assigned lead unless told otherwise.
pub const DEFAULT_ACCEPT_DAYS: u32 = 3;

/// A postcode prefix or product that sends leads to one partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchRule {
    /// Postcode prefix ("10", "SW1") or product name ("Trellis Cloud"), matched case-insensitively.
    pub value: String,
    pub partner_account_id: String,
}

/// How leads are shared out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum DistributionRule {
    /// Every lead to one partner.
    Manual { partner_account_id: String },
    /// Partners in turn, by name.
    RoundRobin,
    /// Partners whose region is the lead's region, in turn.
    Region,
    /// The longest matching postcode prefix decides.
    PostcodePrefix { rules: Vec<MatchRule> },
    /// The lead's product interest decides.
    ProductInterest { rules: Vec<MatchRule> },
    /// Partners in turn, higher tiers more often (in proportion to tier rank).
    TierWeighted,
}

/// `POST /api/leads/distribute`: which leads, by what rule, and how long partners have to accept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Distribution {
    /// The leads to distribute; `None` for every lead in the pool.
    #[serde(default)]
    pub lead_ids: Option<Vec<String>>,
    pub rule: DistributionRule,
    /// 1–30 days; default 3.
    #[serde(default)]
    pub accept_within_days: Option<u32>,
}

/// A lead that stayed in the pool, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skipped {
    pub lead_id: String,
    pub reason: String,
}

/// What a distribution did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistributionResult {
    /// (lead id, partner account id) for each lead handed out.
    pub assigned: Vec<(String, String)>,
    pub skipped: Vec<Skipped>,
    /// When the assigned leads return to the pool if not accepted.
    pub accept_by: String,
}

/// A partner as the rules see it: id, name, region and tier rank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub region: String,
    pub rank: i64,
}

/// The longest deadline a distribution may give, in days.
pub const MAX_ACCEPT_DAYS: i64 = 30;

/// The most leads one distribution may name.
pub const MAX_LEADS: usize = 1000;

impl Distribution {
    /// The deadline in days, checked.
    pub fn days(&self) -> Result<u32, ApiError> {
        let days = self.accept_within_days.unwrap_or(DEFAULT_ACCEPT_DAYS);
        if (1..=MAX_ACCEPT_DAYS as u32).contains(&days) {
            Ok(days)
        } else {
            Err(ApiError::validation(vec![FieldError::new(
                "accept_within_days",
                format!("must be between 1 and {MAX_ACCEPT_DAYS}"),
            )]))
        }
    }

    /// 422 naming `lead_ids` when more leads are named than one distribution takes.
    pub fn check_size(&self) -> Result<(), ApiError> {
        match &self.lead_ids {
            Some(ids) if ids.len() > MAX_LEADS => Err(ApiError::validation(vec![FieldError::new(
                "lead_ids",
                format!("at most {MAX_LEADS} leads at a time"),
            )])),
            _ => Ok(()),
        }
    }

    /// Every partner account a rule names, to check they exist and are partners.
    pub fn named_partners(&self) -> Vec<&str> {
        match &self.rule {
            DistributionRule::Manual { partner_account_id } => vec![partner_account_id.as_str()],
            DistributionRule::PostcodePrefix { rules }
            | DistributionRule::ProductInterest { rules } => rules
                .iter()
                .map(|r| r.partner_account_id.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Partner accounts as candidates, with their tier ranks looked up in `rank_of`.
pub fn candidates(accounts: &[Account], rank_of: impl Fn(&str) -> i64) -> Vec<Candidate> {
    let mut list: Vec<Candidate> = accounts
        .iter()
        .filter(|a| a.is_partner)
        .map(|a| Candidate {
            id: a.id.clone(),
            name: a.name.clone(),
            region: a.region.clone(),
            rank: a.tier_id.as_deref().map_or(1, &rank_of).max(1),
        })
        .collect();
    list.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    list
}

/// Smooth weighted round robin: each pick goes to the highest running weight.
fn weighted_turns(partners: &[Candidate], count: usize) -> Vec<String> {
    let total: i64 = partners.iter().map(|p| p.rank).sum();
    let mut current = vec![0i64; partners.len()];
    let mut picks = Vec::with_capacity(count);
    for _ in 0..count {
        for (c, p) in current.iter_mut().zip(partners) {
            *c += p.rank;
        }
        let Some(best) = (0..partners.len()).max_by_key(|&i| (current[i], std::cmp::Reverse(i)))
        else {
            break;
        };
        current[best] -= total;
        picks.push(partners[best].id.clone());
    }
    picks
}

fn by_rules(rules: &[MatchRule], text: &str, prefix: bool) -> Option<String> {
    let text = text.trim().to_lowercase();
    rules
        .iter()
        .filter(|r| {
            let v = r.value.trim().to_lowercase();
            !v.is_empty()
                && if prefix {
                    text.starts_with(&v)
                } else {
                    text == v
                }
        })
        .max_by_key(|r| r.value.trim().len())
        .map(|r| r.partner_account_id.clone())
}

/// The partner each lead goes to under `rule`, or why it stays in the pool.
/// Only pooled (new) and declined leads are distributed.
pub fn distribute(
    leads: &[Lead],
    partners: &[Candidate],
    rule: &DistributionRule,
) -> (Vec<(String, String)>, Vec<Skipped>) {
    let (mut assigned, mut skipped) = (Vec::new(), Vec::new());
    let skip = |lead: &Lead, reason: &str| Skipped {
        lead_id: lead.id.clone(),
        reason: reason.into(),
    };
    let open: Vec<&Lead> = leads
        .iter()
        .filter(|l| {
            let ok = matches!(l.status, LeadStatus::New | LeadStatus::Declined);
            if !ok {
                skipped.push(skip(l, "is not in the pool"));
            }
            ok
        })
        .collect();
    if partners.is_empty() {
        skipped.extend(
            open.iter()
                .map(|l| skip(l, "there are no partner accounts")),
        );
        return (assigned, skipped);
    }
    let mut turn = 0usize;
    let mut region_turns = std::collections::HashMap::<String, usize>::new();
    let weighted = match rule {
        DistributionRule::TierWeighted => weighted_turns(partners, open.len()),
        _ => Vec::new(),
    };
    for (i, lead) in open.iter().enumerate() {
        let target = match rule {
            DistributionRule::Manual { partner_account_id } => Some(partner_account_id.clone()),
            DistributionRule::RoundRobin => {
                turn += 1;
                Some(partners[(turn - 1) % partners.len()].id.clone())
            }
            DistributionRule::TierWeighted => weighted.get(i).cloned(),
            DistributionRule::Region => {
                let local: Vec<&Candidate> = partners
                    .iter()
                    .filter(|p| {
                        !lead.region.is_empty() && p.region.eq_ignore_ascii_case(&lead.region)
                    })
                    .collect();
                let n = region_turns.entry(lead.region.to_lowercase()).or_default();
                *n += 1;
                (!local.is_empty()).then(|| local[(*n - 1) % local.len()].id.clone())
            }
            DistributionRule::PostcodePrefix { rules } => by_rules(rules, &lead.postcode, true),
            DistributionRule::ProductInterest { rules } => {
                by_rules(rules, &lead.product_interest, false)
            }
        };
        match target {
            Some(p) => assigned.push((lead.id.clone(), p)),
            None => skipped.push(skip(
                lead,
                match rule {
                    DistributionRule::Region => "no partner covers its region",
                    DistributionRule::PostcodePrefix { .. } => "no rule matches its postcode",
                    _ => "no rule matches its product interest",
                },
            )),
        }
    }
    (assigned, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(id: &str, region: &str, rank: i64) -> Candidate {
        Candidate {
            id: id.into(),
            name: id.into(),
            region: region.into(),
            rank,
        }
    }

    fn lead(id: &str, region: &str, postcode: &str, product: &str) -> Lead {
        Lead {
            id: id.into(),
            company: "C".into(),
            contact_name: "N".into(),
            email: "n@c.example".into(),
            phone: String::new(),
            region: region.into(),
            postcode: postcode.into(),
            product_interest: product.into(),
            status: LeadStatus::New,
            decline_reason: None,
            accept_by: None,
            converted_opportunity_id: None,
            converted_contact_id: None,
            partner_account_id: None,
            owner_user_id: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn targets(a: &[(String, String)]) -> Vec<&str> {
        a.iter().map(|(_, p)| p.as_str()).collect()
    }

    #[test]
    fn round_robin_and_tier_weights() {
        let ps = [
            partner("a", "EMEA", 3),
            partner("b", "NA", 2),
            partner("c", "APAC", 1),
        ];
        let leads: Vec<Lead> = (0..6).map(|i| lead(&format!("l{i}"), "", "", "")).collect();
        let (rr, _) = distribute(&leads, &ps, &DistributionRule::RoundRobin);
        assert_eq!(targets(&rr), ["a", "b", "c", "a", "b", "c"]);
        let (w, _) = distribute(&leads, &ps, &DistributionRule::TierWeighted);
        let count = |p: &str| targets(&w).iter().filter(|t| **t == p).count();
        assert_eq!((count("a"), count("b"), count("c")), (3, 2, 1));
        assert_eq!(targets(&w)[0], "a", "the highest tier goes first");
    }

    #[test]
    fn region_prefix_and_product_rules_skip_what_they_cannot_place() {
        let ps = [
            partner("a", "EMEA", 1),
            partner("b", "EMEA", 1),
            partner("c", "NA", 1),
        ];
        let leads = [
            lead("l1", "EMEA", "10115", "Cloud"),
            lead("l2", "emea", "10999", "Edge"),
            lead("l3", "LATAM", "SW1A", "cloud"),
        ];
        let (r, s) = distribute(&leads, &ps, &DistributionRule::Region);
        assert_eq!(targets(&r), ["a", "b"]);
        assert_eq!(s[0].reason, "no partner covers its region");
        let rules = vec![
            MatchRule {
                value: "10".into(),
                partner_account_id: "a".into(),
            },
            MatchRule {
                value: "101".into(),
                partner_account_id: "b".into(),
            },
        ];
        let (p, s) = distribute(&leads, &ps, &DistributionRule::PostcodePrefix { rules });
        assert_eq!(targets(&p), ["b", "a"], "the longest prefix wins");
        assert_eq!(s.len(), 1);
        let rules = vec![MatchRule {
            value: "CLOUD".into(),
            partner_account_id: "c".into(),
        }];
        let (p, _) = distribute(&leads, &ps, &DistributionRule::ProductInterest { rules });
        assert_eq!(
            p,
            vec![("l1".into(), "c".into()), ("l3".into(), "c".into())]
        );
    }

    #[test]
    fn only_pool_leads_move_and_deadlines_are_bounded() {
        let mut taken = lead("l1", "", "", "");
        taken.status = LeadStatus::Accepted;
        let (a, s) = distribute(
            &[taken],
            &[partner("a", "", 1)],
            &DistributionRule::RoundRobin,
        );
        assert!(a.is_empty());
        assert_eq!(s[0].reason, "is not in the pool");
        let d = |days| Distribution {
            lead_ids: None,
            rule: DistributionRule::RoundRobin,
            accept_within_days: days,
        };
        assert_eq!(d(None).days().unwrap(), 3);
        assert!(d(Some(0)).days().is_err() && d(Some(31)).days().is_err());
    }
}
