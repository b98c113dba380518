//! Announcements from the channel team: an audience by tier and role, and a publish date.

use crate::{Audience, FieldError, Role, Validate, MAX_NOTES, MAX_TEXT};
use serde::{Deserialize, Serialize};

use crate::validate::Errors;

/// A message to partners on the community home.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Announcement {
    pub id: String,
    pub title: String,
    /// Plain text; shown as written, never as HTML.
    pub body: String,
    pub audience: Audience,
    /// Partners see it from this date (`YYYY-MM-DD`) on.
    pub publish_on: String,
    pub author_name: String,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields of a new or edited announcement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementInput {
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub audience: Audience,
    pub publish_on: String,
}

impl Validate for AnnouncementInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("title", &self.title, MAX_TEXT);
        e.required("body", &self.body, MAX_NOTES);
        e.date("publish_on", &self.publish_on);
        e.0
    }
}

impl Announcement {
    /// Whether a viewer with this tier and role sees it on `today`: staff always, partners once published.
    pub fn visible_to(&self, tier_id: Option<&str>, role: Role, today: &str) -> bool {
        role.is_internal()
            || (self.publish_on.as_str() <= today && self.audience.includes(tier_id, role))
    }
}

/// Newest publish date first, then newest written.
pub fn sort_newest(list: &mut [Announcement]) {
    list.sort_by(|a, b| {
        (&b.publish_on, &b.created_at, &b.id).cmp(&(&a.publish_on, &a.created_at, &a.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_see_published_announcements_for_their_tier_and_role() {
        let a = Announcement {
            id: "a".into(),
            title: "Gold webinar".into(),
            body: "<script>x</script>".into(),
            audience: Audience {
                tiers: vec!["tier_gold".into()],
                roles: vec![Role::PartnerExecutive],
            },
            publish_on: "2026-12-01".into(),
            author_name: "Casey".into(),
            created_at: String::new(),
            updated_at: String::new(),
        };
        assert!(!a.visible_to(Some("tier_gold"), Role::PartnerExecutive, "2026-11-30"));
        assert!(a.visible_to(Some("tier_gold"), Role::PartnerExecutive, "2026-12-01"));
        assert!(!a.visible_to(Some("tier_silver"), Role::PartnerExecutive, "2026-12-01"));
        assert!(!a.visible_to(Some("tier_gold"), Role::PartnerUser, "2026-12-01"));
        assert!(
            a.visible_to(None, Role::ChannelManager, "2026-01-01"),
            "staff see scheduled ones"
        );
    }
}
