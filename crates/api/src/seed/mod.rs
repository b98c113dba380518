//! The demo organisation: one deterministic data set for the server's first start and the demo backend.

use crate::datetime::{date, timestamp};
use crate::{
    Account, Contact, DealRegistration, DealStatus, Lead, LeadStatus, Opportunity, PartnerProgram,
    PartnerType, Role, Site, Stage, Tier, TierChange, User,
};

mod announcements;
mod mdf;
mod products;
mod support;
mod tiers;
mod training;
pub use activity::demo_activity;
pub use announcements::demo_announcements;
pub use mdf::{demo_mdf, DemoMdf, SeedFile};
pub use support::{demo_support, DemoSupport};
pub use tiers::demo_tier_changes;
pub use training::{demo_surveys, demo_training, DemoSurveys, DemoTraining};

/// Every demo user's password.
pub const DEMO_PASSWORD: &str = "trellis-demo";

/// The whole demo organisation.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DemoData {
    pub programs: Vec<PartnerProgram>,
    pub accounts: Vec<Account>,
    pub users: Vec<User>,
    pub leads: Vec<Lead>,
    pub deals: Vec<DealRegistration>,
    pub opportunities: Vec<Opportunity>,
    pub contacts: Vec<Contact>,
    pub site: Site,
    pub mdf: DemoMdf,
    pub tier_changes: Vec<TierChange>,
    pub support: DemoSupport,
    pub announcements: Vec<crate::Announcement>,
    pub training: DemoTraining,
    pub surveys: DemoSurveys,
    /// Every record's timeline entries, oldest first.
    #[serde(default)]
    pub activity: Vec<crate::activity::Activity>,
    /// How deal registrations are reviewed.
    #[serde(default)]
    pub deal_review: crate::deal_flow::DealReview,
    /// The product catalogue.
    #[serde(default)]
    pub products: Vec<crate::products::Product>,
    /// The program's currencies.
    #[serde(default)]
    pub currencies: crate::products::ProgramCurrencies,
}

/// A tiny deterministic generator (xorshift64*), so every backend seeds the same records.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

mod activity;
mod names;
use names::*;

/// The demo organisation as of `now` (seconds since the epoch): dates are relative to it.
pub fn demo_data(now: i64) -> DemoData {
    let mut rng = Rng(0x0074_7265_6c6c_6973);
    let day = 86_400;
    let ago = |days: i64, rng: &mut Rng| timestamp(now - days * day - (rng.below(36_000) as i64));

    let tier = |id: &str, name: &str, rank: i64, benefits: &str| Tier {
        id: id.into(),
        program_id: "prog_resell".into(),
        name: name.into(),
        rank,
        benefits: benefits.into(),
        requirements: match rank {
            1 => "A signed partner agreement.",
            2 => "100,000 EUR closed a year and one certified seller.",
            _ => "500,000 EUR closed a year and two certified engineers.",
        }
        .into(),
    };
    let programs = vec![PartnerProgram {
        id: "prog_resell".into(),
        name: "Reseller Program".into(),
        tiers: vec![
            tier(
                "tier_registered",
                "Registered",
                1,
                "Deal registration, partner portal, online training.",
            ),
            tier(
                "tier_silver",
                "Silver",
                2,
                "10% margin, lead sharing, marketing development funds.",
            ),
            tier(
                "tier_gold",
                "Gold",
                3,
                "20% margin, priority leads, MDF, a dedicated channel manager.",
            ),
        ],
    }];

    let partner = |id: &str, name: &str, domain: &str, region: &str, ty, tier: &str| Account {
        id: id.into(),
        name: name.into(),
        domain: domain.into(),
        region: region.into(),
        is_partner: true,
        partner_type: Some(ty),
        tier_id: Some(tier.into()),
        created_at: timestamp(now - 400 * day),
    };
    let mut accounts = vec![
        partner(
            "acc_acme",
            "Acme Solutions",
            "acme.test",
            "EMEA",
            PartnerType::Reseller,
            "tier_gold",
        ),
        partner(
            "acc_bluebird",
            "Bluebird Distribution",
            "bluebird.test",
            "NA",
            PartnerType::Distributor,
            "tier_silver",
        ),
        partner(
            "acc_cedar",
            "Cedar IT",
            "cedar.test",
            "APAC",
            PartnerType::Referral,
            "tier_registered",
        ),
    ];
    for (i, name) in COMPANIES.iter().take(10).enumerate() {
        accounts.push(Account {
            id: format!("acc_{:03}", i + 1),
            name: (*name).into(),
            domain: domain_of(name),
            region: rng.pick(&REGIONS).0.into(),
            is_partner: false,
            partner_type: None,
            tier_id: None,
            created_at: ago(300 - i as i64 * 20, &mut rng),
        });
    }

    let user = |id: &str, email: &str, name: &str, role, account: Option<&str>| User {
        id: id.into(),
        email: email.into(),
        name: name.into(),
        role,
        partner_account_id: account.map(Into::into),
        active: true,
        // Acme's rep reports to Acme's partner manager: the manager's team.
        manager_id: (id == "usr_acme_rep").then(|| "usr_acme_mgr".to_string()),
        team: Vec::new(),
    };
    let users = vec![
        user(
            "usr_admin",
            "admin@trellis.test",
            "Alex Admin",
            Role::Admin,
            None,
        ),
        user(
            "usr_channel",
            "channel@trellis.test",
            "Casey Channel",
            Role::ChannelManager,
            None,
        ),
        user(
            "usr_acme_exec",
            "partner@acme.test",
            "Pat Partner",
            Role::PartnerExecutive,
            Some("acc_acme"),
        ),
        user(
            "usr_acme_mgr",
            "manager@acme.test",
            "Morgan Manager",
            Role::PartnerManager,
            Some("acc_acme"),
        ),
        user(
            "usr_acme_rep",
            "rep@acme.test",
            "Riley Rep",
            Role::PartnerUser,
            Some("acc_acme"),
        ),
        user(
            "usr_blue_exec",
            "partner@bluebird.test",
            "Blair Bluebird",
            Role::PartnerExecutive,
            Some("acc_bluebird"),
        ),
        user(
            "usr_blue_rep",
            "rep@bluebird.test",
            "Robin Bluebird",
            Role::PartnerUser,
            Some("acc_bluebird"),
        ),
        user(
            "usr_cedar_exec",
            "partner@cedar.test",
            "Cam Cedar",
            Role::PartnerExecutive,
            Some("acc_cedar"),
        ),
    ];
    let owners: [(&str, &[&str]); 3] = [
        (
            "acc_acme",
            &["usr_acme_exec", "usr_acme_mgr", "usr_acme_rep"],
        ),
        ("acc_bluebird", &["usr_blue_exec", "usr_blue_rep"]),
        ("acc_cedar", &["usr_cedar_exec"]),
    ];
    // Acme gets the most records, as a Gold partner would.
    let pick_owner = |rng: &mut Rng| {
        let (account, users) = owners[[0, 0, 0, 1, 1, 2][rng.below(6)]];
        (account.to_string(), rng.pick(users).to_string())
    };

    let mut leads = Vec::new();
    for i in 0..200 {
        let company = format!(
            "{} {}",
            rng.pick(&COMPANIES),
            ["GmbH", "Ltd", "Inc", "SA", "BV"][i % 5]
        );
        let (first, last) = (*rng.pick(&FIRST), *rng.pick(&LAST));
        let (region, prefix) = *rng.pick(&REGIONS);
        let status = [
            LeadStatus::New,
            LeadStatus::Assigned,
            LeadStatus::Assigned,
            LeadStatus::Accepted,
            LeadStatus::Accepted,
            LeadStatus::Declined,
            LeadStatus::Converted,
        ][rng.below(7)];
        let (account, owner) = pick_owner(&mut rng);
        let created = ago(rng.below(120) as i64, &mut rng);
        leads.push(Lead {
            id: format!("lead_{:04}", i + 1),
            contact_name: format!("{first} {last}"),
            email: format!(
                "{}.{}@{}",
                first.to_lowercase(),
                last.to_lowercase(),
                domain_of(&company)
            ),
            phone: format!("+44 20 7946 {:04}", rng.below(10_000)),
            company,
            region: region.into(),
            postcode: format!("{prefix}{:03}", rng.below(1000)),
            product_interest: rng.pick(&PRODUCTS).to_string(),
            status,
            decline_reason: (status == LeadStatus::Declined)
                .then(|| "Outside our territory this quarter.".to_string()),
            accept_by: (status == LeadStatus::Assigned)
                .then(|| timestamp(now + (i as i64 % 3 + 1) * day)),
            converted_opportunity_id: None,
            converted_contact_id: None,
            partner_account_id: (status != LeadStatus::New).then_some(account),
            owner_user_id: matches!(status, LeadStatus::Accepted | LeadStatus::Converted)
                .then_some(owner),
            updated_at: created.clone(),
            created_at: created,
        });
    }

    let mut deals = Vec::new();
    for i in 0..60 {
        let company = rng.pick(&COMPANIES).to_string();
        let (first, last) = (*rng.pick(&FIRST), *rng.pick(&LAST));
        let status = [
            DealStatus::Draft,
            DealStatus::Submitted,
            DealStatus::Submitted,
            DealStatus::Approved,
            DealStatus::Approved,
            DealStatus::Rejected,
            DealStatus::Won,
            DealStatus::Lost,
        ][rng.below(8)];
        let (account, owner) = pick_owner(&mut rng);
        let age = rng.below(90) as i64;
        let created = ago(age, &mut rng);
        let approved = matches!(
            status,
            DealStatus::Approved | DealStatus::Won | DealStatus::Lost
        );
        deals.push(DealRegistration {
            id: format!("deal_{:04}", i + 1),
            domain: domain_of(&company),
            contact_name: format!("{first} {last}"),
            contact_email: format!("{}@{}", first.to_lowercase(), domain_of(&company)),
            company,
            product: rng.pick(&PRODUCTS).to_string(),
            estimated_amount: (rng.below(95) as i64 + 5) * 1000,
            currency: ["EUR", "USD", "GBP"][rng.below(3)].into(),
            expected_close_date: date(now / day + 30 + rng.below(150) as i64),
            notes: "Customer evaluating against two competitors.".into(),
            status,
            reviewer_reason: (status == DealStatus::Rejected)
                .then(|| "An existing opportunity covers this customer.".to_string()),
            expires_on: approved.then(|| date(now / day - age + 90)),
            submitted_at: (status != DealStatus::Draft).then(|| created.clone()),
            // Reviews took one to nine days, never past today.
            decided_at: (approved || status == DealStatus::Rejected).then(|| {
                format!(
                    "{}T15:00:00Z",
                    date(now / day - age + (i as i64 % 9 + 1).min(age))
                )
            }),
            first_approver_id: None,
            first_approver_name: None,
            first_approved_at: None,
            partner_account_id: Some(account),
            owner_user_id: Some(owner),
            updated_at: created.clone(),
            created_at: created,
        });
    }

    // Every state a registration can reach: one withdrawn draft, one approval that ran out.
    if let Some(d) = deals.iter_mut().find(|d| d.status == DealStatus::Draft) {
        d.status = DealStatus::Withdrawn;
    }
    if let Some(d) = deals.iter_mut().find(|d| d.status == DealStatus::Approved) {
        d.status = DealStatus::Expired;
        d.expires_on = Some(date(now / day - 1));
    }

    let mut opportunities = Vec::new();
    for i in 0..80 {
        let company = rng.pick(&COMPANIES).to_string();
        let stage = *rng.pick(&Stage::ALL);
        let probability = stage.default_probability();
        let (account, owner) = pick_owner(&mut rng);
        let created = ago(rng.below(180) as i64, &mut rng);
        let product = rng.pick(&PRODUCTS).to_string();
        opportunities.push(Opportunity {
            id: format!("opp_{:04}", i + 1),
            name: format!("{company} – {product}"),
            product,
            account_name: company,
            stage,
            amount: (rng.below(190) as i64 + 10) * 500,
            currency: "EUR".into(),
            close_date: date(now / day - 30 + rng.below(200) as i64),
            probability,
            next_step: [
                "Send proposal",
                "Book demo",
                "Legal review",
                "Call procurement",
            ][rng.below(4)]
            .into(),
            partner_account_id: Some(account),
            owner_user_id: Some(owner),
            updated_at: created.clone(),
            created_at: created,
        });
    }

    let mut contacts = Vec::new();
    for i in 0..120 {
        let company = rng.pick(&COMPANIES).to_string();
        let (first, last) = (*rng.pick(&FIRST), *rng.pick(&LAST));
        let (account, owner) = pick_owner(&mut rng);
        let created = ago(rng.below(365) as i64, &mut rng);
        contacts.push(Contact {
            id: format!("con_{:04}", i + 1),
            email: format!(
                "{}.{}@{}",
                first.to_lowercase(),
                last.to_lowercase(),
                domain_of(&company)
            ),
            first_name: first.into(),
            last_name: last.into(),
            phone: format!("+1 415 555 {:04}", rng.below(10_000)),
            title: [
                "CIO",
                "IT Manager",
                "Procurement Lead",
                "CFO",
                "Operations Director",
            ][rng.below(5)]
            .into(),
            company,
            partner_account_id: Some(account),
            owner_user_id: Some(owner),
            updated_at: created.clone(),
            created_at: created,
        });
    }

    let tier_changes = demo_tier_changes(&accounts, now);
    let mut data = DemoData {
        programs,
        accounts,
        users,
        leads,
        deals,
        opportunities,
        contacts,
        site: crate::templates::partner_central(),
        mdf: demo_mdf(now),
        tier_changes,
        support: demo_support(now),
        announcements: demo_announcements(now),
        training: demo_training(now),
        surveys: demo_surveys(now),
        activity: Vec::new(),
        deal_review: Default::default(),
        products: products::demo_products(now),
        currencies: Default::default(),
    };
    data.activity = demo_activity(&data);
    data
}

fn domain_of(company: &str) -> String {
    let first = company.split_whitespace().next().unwrap_or("example");
    format!("{}.example", first.to_lowercase())
}

#[cfg(test)]
mod tests;
