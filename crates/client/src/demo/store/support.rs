//! Case messages, contact channels and attachments in memory (cases are records).

use trellis_api::activity::Activity;
use trellis_api::seed::SeedFile;
use trellis_api::{ApiError, CaseMessage, CaseStatus, SupportCase, SupportChannels};
use trellis_core::support::SupportStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl SupportStore for DemoBackend {
    async fn channels(&self) -> Result<SupportChannels> {
        Ok(self.state.borrow().data.support.channels.clone())
    }

    async fn put_channels(&self, channels: &SupportChannels) -> Result<()> {
        self.write().data.support.channels = channels.clone();
        Ok(())
    }

    async fn messages(&self, case_id: &str) -> Result<Vec<CaseMessage>> {
        let state = self.state.borrow();
        let all = state.data.support.messages.iter();
        Ok(all.filter(|m| m.case_id == case_id).cloned().collect())
    }

    async fn insert_case(
        &self,
        case: &SupportCase,
        file: Option<&SeedFile>,
        _at: &str,
        log: &[Activity],
    ) -> Result<()> {
        let mut state = self.write();
        state.data.activity.extend_from_slice(log);
        state.data.mdf.files.extend(file.cloned());
        state.data.support.cases.push(case.clone());
        Ok(())
    }

    async fn add_message(
        &self,
        message: &CaseMessage,
        status: CaseStatus,
        log: &[Activity],
    ) -> Result<()> {
        let mut state = self.write();
        let support = &mut state.data.support;
        let case = support
            .cases
            .iter_mut()
            .find(|c| c.id == message.case_id)
            .ok_or_else(|| ApiError::not_found("Case"))?;
        case.status = status;
        case.updated_at = message.created_at.clone();
        support.messages.push(message.clone());
        state.data.activity.extend_from_slice(log);
        Ok(())
    }
}
