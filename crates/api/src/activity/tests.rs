use super::{changed, comment, mentions_in, About, ActivityWhat, CommentInput, Person, RecordKind};
use crate::records::kind::title;
use crate::seed::demo_data;
use crate::{Validate, REQUIRED};

fn person(id: &str, name: &str) -> Person {
    Person {
        user_id: id.into(),
        name: name.into(),
        staff: false,
    }
}

#[test]
fn mentions_take_the_longest_name_once_and_need_a_boundary() {
    let people = [
        person("u1", "Ann"),
        person("u2", "Ann Lee"),
        person("u3", "Bo Ek"),
    ];
    let names = |text: &str| -> Vec<String> {
        mentions_in(text, &people)
            .into_iter()
            .map(|p| p.user_id)
            .collect()
    };
    assert_eq!(names("@ann lee please check"), ["u2"]);
    assert_eq!(names("Thanks @Ann, and @Bo Ek."), ["u1", "u3"]);
    assert_eq!(names("@Bo Ek @bo ek (@BO EK)"), ["u3"], "each person once");
    assert!(
        names("mail ann@Ann Lee").is_empty(),
        "an address is no mention"
    );
    assert!(
        names("@Annie and @Bo").is_empty(),
        "a name must end where it ends"
    );
    assert!(names("no mentions at all @").is_empty());
}

#[test]
fn mentions_survive_text_whose_lowercase_changes_length() {
    let people = [person("u1", "Zoë İnce")];
    assert_eq!(mentions_in("İİ @zoë i̇nce ok", &people).len(), 1);
    assert!(mentions_in("İ@", &people).is_empty());
}

#[test]
fn a_change_lists_each_tracked_field_from_and_to() {
    let data = demo_data(1_900_000_000);
    let before = data.leads[0].clone();
    let mut after = before.clone();
    after.company = "Renamed BV".into();
    after.updated_at = "2030-01-01T00:00:00Z".into();
    let entry = changed(
        "act_1".into(),
        &before,
        &after,
        None,
        "2030-01-01T00:00:00Z",
    )
    .unwrap();
    assert_eq!(entry.what, ActivityWhat::Changed);
    assert_eq!(entry.kind, RecordKind::Leads);
    assert_eq!(entry.actor_name, "Trellis");
    assert_eq!(entry.record_title, "Renamed BV");
    assert_eq!(entry.changes.len(), 1, "updated_at is not tracked");
    assert_eq!(entry.changes[0].field, "company");
    assert_eq!(entry.changes[0].from, before.company.as_str());
    let mut touched = before.clone();
    touched.updated_at = "2030-01-02T00:00:00Z".into();
    assert!(changed("act_2".into(), &before, &touched, None, "t").is_none());
}

#[test]
fn a_comment_mentions_others_not_its_author_and_must_say_something() {
    let data = demo_data(1_900_000_000);
    let author = data.users[0].clone();
    let other = data.users[1].clone();
    let people = [Person::of(&author), Person::of(&other)];
    let text = format!("@{} @{} look", author.name, other.name);
    let c = comment(
        "act_1".into(),
        &About::of(&data.contacts[0]),
        &author,
        "t",
        &text,
        &people,
    );
    assert_eq!(c.mentions, [Person::of(&other)]);
    assert_eq!(c.kind, RecordKind::Contacts);
    let contact = &data.contacts[0];
    assert_eq!(
        title(contact),
        format!("{} {}", contact.first_name, contact.last_name)
    );
    let errors = CommentInput { body: "  ".into() }.validate();
    assert_eq!(errors[0].field, "body");
    assert_eq!(errors[0].message, REQUIRED);
}

#[test]
fn every_kind_names_its_records_collection() {
    for kind in RecordKind::ALL {
        assert_eq!(RecordKind::parse(kind.collection()).unwrap(), kind);
    }
    assert_eq!(
        RecordKind::parse("users").unwrap_err().code,
        crate::ErrorCode::NotFound
    );
}
