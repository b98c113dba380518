//! The demo backend's dashboard reports, built by the contract from the records the user may see.

use trellis_api::datetime::date;
use trellis_api::reports::{Report, ReportData, ReportQuery};
use trellis_api::*;
use trellis_core::training::{self, TrainingStore};

use super::{now_unix, DemoBackend};
use crate::ClientResult;

impl DemoBackend {
    pub(super) async fn reports_now(&self, range: &ReportQuery) -> ClientResult<Vec<Report>> {
        let user = self.user()?;
        range.check()?;
        let staff = user.role.is_internal();
        let leads = self.all_visible::<Lead>()?;
        let deals = self.all_visible::<DealRegistration>()?;
        let opportunities = self.all_visible::<Opportunity>()?;
        let modules = training::modules_for(&self.cx(&user)).await?;
        let attempts = self.attempts(&Scope::of(&user)).await?;
        let state = self.state.borrow();
        let d = &state.data;
        let tiers: Vec<Tier> = d.programs.iter().flat_map(|p| p.tiers.clone()).collect();
        let today = date(now_unix() / 86_400);
        let data = ReportData {
            staff,
            today: &today,
            leads: &leads,
            deals: &deals,
            opportunities: &opportunities,
            accounts: if staff { &d.accounts } else { &[] },
            tiers: if staff { &tiers } else { &[] },
            tier_changes: if staff { &d.tier_changes } else { &[] },
            modules: &modules,
            attempts: &attempts,
            surveys: if staff { &d.surveys.surveys } else { &[] },
            responses: if staff { &d.surveys.responses } else { &[] },
        };
        Ok(trellis_api::reports::build(&data, range))
    }
}
