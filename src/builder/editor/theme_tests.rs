use trellis_api::templates::partner_central;
use trellis_api::Validate;

use super::*;
use crate::builder::theme_edit::ThemeEdit;

fn run(editor: Editor, actions: impl IntoIterator<Item = Action>) -> Editor {
    let mut state = Rc::new(editor);
    for a in actions {
        state = state.reduce(a);
    }
    Rc::unwrap_or_clone(state)
}

fn theme(edit: ThemeEdit) -> Action {
    Action::Edit(Edit::Theme(edit))
}

fn duplicate_ocean() -> Action {
    theme(ThemeEdit::Duplicate {
        from: "theme_ocean".into(),
        name: "Acme blue".into(),
    })
}

#[test]
fn a_duplicated_preset_becomes_the_sites_own_theme_and_edits_undo() {
    let start = Editor::new(partner_central());
    let e = run(start.clone(), [duplicate_ocean()]);
    assert_eq!(e.selected.as_deref(), Some("theme_custom_1"));
    assert_eq!(e.undo_label(), Some("Duplicate theme Ocean"));
    let mut tokens = e.site.theme("theme_custom_1").unwrap();
    assert_eq!(tokens.name, "Acme blue");
    tokens.light.brand = "#123456".into();
    let e = run(
        e,
        [
            theme(ThemeEdit::Set {
                theme: Box::new(tokens.clone()),
            }),
            theme(ThemeEdit::UseForCommunity {
                id: "theme_custom_1".into(),
            }),
        ],
    );
    assert_eq!(e.site.theme_for(None), tokens);
    assert_eq!(e.site.validate(), vec![]);
    let e = run(e, [Action::Undo]);
    assert_eq!(e.redo_label(), Some("Use Acme blue for the community"));
    assert_eq!(
        e.undo_label(),
        Some("Change brand colour (light) of Acme blue")
    );
    let e = run(e, [Action::Undo, Action::Undo]);
    assert_eq!(e.site, start.site, "undo all gives back the original");
}

#[test]
fn themes_in_use_cannot_be_deleted_and_tiers_get_their_own() {
    let e = run(
        Editor::new(partner_central()),
        [
            duplicate_ocean(),
            theme(ThemeEdit::AssignTier {
                tier_id: "tier_gold".into(),
                theme_id: Some("theme_custom_1".into()),
            }),
            theme(ThemeEdit::Delete {
                id: "theme_custom_1".into(),
            }),
        ],
    );
    assert!(
        matches!(&e.notice, Some(Notice::Refused(m)) if m.contains("uses this theme")),
        "{:?}",
        e.notice
    );
    assert_eq!(e.site.theme_for(Some("tier_gold")).name, "Acme blue");
    let e = run(
        e,
        [
            theme(ThemeEdit::AssignTier {
                tier_id: "tier_gold".into(),
                theme_id: None,
            }),
            theme(ThemeEdit::Delete {
                id: "theme_custom_1".into(),
            }),
        ],
    );
    assert!(e.site.themes.is_empty() && e.site.tier_themes.is_empty());
    let presets_are_read_only = run(
        e,
        [theme(ThemeEdit::Rename {
            id: "theme_ocean".into(),
            name: "Mine".into(),
        })],
    );
    assert_eq!(
        presets_are_read_only.notice,
        Some(Notice::Refused(
            "Presets cannot be changed: duplicate it to make your own".into()
        ))
    );
}

#[test]
fn theme_names_stay_distinct() {
    let e = run(
        Editor::new(partner_central()),
        [duplicate_ocean(), duplicate_ocean()],
    );
    assert_eq!(
        e.notice,
        Some(Notice::Refused(
            "Another theme is called \"Acme blue\": choose another name".into()
        ))
    );
    let e = run(
        e,
        [theme(ThemeEdit::Rename {
            id: "theme_custom_1".into(),
            name: " ocean ".into(),
        })],
    );
    assert!(matches!(&e.notice, Some(Notice::Refused(m)) if m.contains("\" ocean \"")));
    let imported = e.site.theme("theme_custom_1").unwrap();
    let e = run(
        e,
        [theme(ThemeEdit::Import {
            theme: Box::new(imported),
        })],
    );
    assert_eq!(e.site.themes[1].name, "Acme blue (2)");
    assert_eq!(e.site.themes[1].id, "theme_custom_2");
}
