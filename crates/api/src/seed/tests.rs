use super::{demo_data, DealStatus, LeadStatus};
use crate::LeadInput;
use crate::Validate;

#[test]
fn demo_data_is_deterministic_and_sized() {
    let a = demo_data(1_790_000_000);
    assert_eq!(a, demo_data(1_790_000_000));
    assert_eq!(a.leads.len(), 200);
    assert_eq!(a.deals.len(), 60);
    assert_eq!(a.opportunities.len(), 80);
    assert!(a.contacts.len() >= 100);
    let tiers: Vec<_> = a
        .accounts
        .iter()
        .filter_map(|x| x.tier_id.clone())
        .collect();
    assert_eq!(tiers, ["tier_gold", "tier_silver", "tier_registered"]);
}

#[test]
fn every_partner_account_has_leads_of_its_own_and_pool_leads_have_none() {
    let d = demo_data(1_790_000_000);
    for account in ["acc_acme", "acc_bluebird", "acc_cedar"] {
        assert!(d
            .leads
            .iter()
            .any(|l| l.partner_account_id.as_deref() == Some(account)));
    }
    for lead in d.leads.iter().filter(|l| l.status == LeadStatus::New) {
        assert_eq!(lead.partner_account_id, None);
    }
}

#[test]
fn seeded_records_pass_their_own_validation() {
    let d = demo_data(1_790_000_000);
    assert!(d.site.validate().is_empty(), "{:?}", d.site.validate());
    for l in &d.leads {
        let input = LeadInput {
            company: l.company.clone(),
            contact_name: l.contact_name.clone(),
            email: l.email.clone(),
            phone: l.phone.clone(),
            region: l.region.clone(),
            postcode: l.postcode.clone(),
            product_interest: l.product_interest.clone(),
            partner_account_id: None,
        };
        assert!(input.validate().is_empty(), "{l:?}");
    }
}

#[test]
fn the_demo_exercises_every_state_and_feature() {
    use crate::training::ModuleInput;
    let d = demo_data(1_790_000_000);
    for status in DealStatus::ALL {
        assert!(d.deals.iter().any(|x| x.status == status), "{status:?}");
    }
    for status in LeadStatus::ALL {
        assert!(d.leads.iter().any(|x| x.status == status), "{status:?}");
    }
    for m in &d.training.modules {
        let input = ModuleInput {
            title: m.title.clone(),
            summary: m.summary.clone(),
            body: m.body.clone(),
            minutes: m.minutes,
            faqs: m.faqs.clone(),
            quiz: m.quiz.clone(),
            pass_percent: m.pass_percent,
            audience: m.audience.clone(),
        };
        assert!(
            input.validate().is_empty(),
            "{}: {:?}",
            m.id,
            input.validate()
        );
    }
    let passed = d.training.attempts.iter().filter(|a| a.passed);
    assert_eq!(
        passed.count(),
        d.training.certificates.len(),
        "one certificate per pass"
    );
    assert!(d.surveys.responses.iter().all(|r| r.score <= 10));
    assert!(d.surveys.surveys.iter().any(|s| s.open));
}

#[test]
fn demo_deals_and_opportunities_pick_from_the_demo_catalogue_and_currencies() {
    let d = demo_data(1_790_000_000);
    let picks = crate::products::Picklists {
        products: &d.products,
        currencies: &d.currencies.currencies,
    };
    let named = d
        .deals
        .iter()
        .map(|x| (&x.product, &x.currency))
        .chain(d.opportunities.iter().map(|o| (&o.product, &o.currency)));
    for (product, currency) in named {
        assert_eq!(picks.product(product, None).as_ref(), Ok(product));
        assert!(picks.currency(currency, None).is_ok(), "{currency}");
    }
    assert!(d.products.iter().any(|p| !p.active), "one retired product");
}
