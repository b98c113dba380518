//! Training modules, attempts and certificates in memory.

use trellis_api::training::{Attempt, Certificate, TrainingModule};
use trellis_api::Scope;
use trellis_core::training::TrainingStore;
use trellis_core::Result;

use super::upsert;
use crate::demo::DemoBackend;

impl TrainingStore for DemoBackend {
    async fn modules(&self) -> Result<Vec<TrainingModule>> {
        Ok(self.state.borrow().data.training.modules.clone())
    }

    async fn put_module(&self, module: &TrainingModule) -> Result<()> {
        upsert(&mut self.write().data.training.modules, module, |x| {
            x.id == module.id
        });
        Ok(())
    }

    async fn attempts(&self, scope: &Scope) -> Result<Vec<Attempt>> {
        let state = self.state.borrow();
        let all = state.data.training.attempts.iter();
        Ok(all.filter(|a| scope.allows(*a)).cloned().collect())
    }

    async fn certificates(&self, scope: &Scope) -> Result<Vec<Certificate>> {
        let state = self.state.borrow();
        let all = state.data.training.certificates.iter();
        let mut list: Vec<Certificate> = all.filter(|c| scope.allows(*c)).cloned().collect();
        list.sort_by(|a, b| (&b.issued_on, &a.id).cmp(&(&a.issued_on, &b.id)));
        Ok(list)
    }

    async fn add_attempt(
        &self,
        attempt: &Attempt,
        certificate: Option<&Certificate>,
    ) -> Result<()> {
        let mut state = self.write();
        let training = &mut state.data.training;
        training.attempts.push(attempt.clone());
        if let Some(c) = certificate {
            let held = |h: &Certificate| h.module_id == c.module_id && h.user_id == c.user_id;
            if !training.certificates.iter().any(held) {
                training.certificates.push(c.clone());
            }
        }
        Ok(())
    }
}
