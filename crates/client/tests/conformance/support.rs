//! Support: partners open cases with attachments, the channel team works the queue, replies move the status.

use trellis_api::upload::encode;
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{code, login};

pub async fn support_cases_move_through_their_threads(b: &dyn PrmBackend) {
    login(b, "partner@bluebird.test").await;
    let channels = b.support_channels().await.expect("channels");
    assert_eq!(channels.email, "partners@trellis.test");
    let mut input = CaseInput {
        subject: "Cannot download the installer".into(),
        category: CaseCategory::Technical,
        priority: CasePriority::High,
        description: "The link in the portal gives 404.".into(),
        attachment: Some(Upload {
            file_name: "screenshot.png".into(),
            data: encode(b"\x89PNG\r\n\x1a\nimage"),
        }),
    };
    let case = b.create_case(&input).await.expect("open");
    assert_eq!(case.status, CaseStatus::New);
    assert_eq!(case.attachment_name.as_deref(), Some("screenshot.png"));
    assert!(b
        .get_file(case.attachment_file_id.as_deref().unwrap())
        .await
        .is_ok());
    input.attachment = Some(Upload {
        file_name: "x.exe".into(),
        data: encode(b"MZ\x90\x00"),
    });
    assert_eq!(code(b.create_case(&input).await), ErrorCode::Validation);
    input.attachment = None;
    input.subject = " ".into();
    assert_eq!(code(b.create_case(&input).await), ErrorCode::Validation);
    let push = MessageInput {
        body: "Any news?".into(),
        status: Some(CaseStatus::InProgress),
    };
    assert_eq!(
        code(b.post_case_message(&case.id, &push).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(b.set_support_channels(&channels).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();

    login(b, "partner@cedar.test").await;
    assert_eq!(code(b.get_case(&case.id).await), ErrorCode::NotFound);
    assert_eq!(code(b.case_messages(&case.id).await), ErrorCode::NotFound);
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let queue = b
        .list_cases(&ListQuery {
            status: Some("new".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(queue.items.iter().any(|c| c.id == case.id));
    let ask = MessageInput {
        body: "Which browser do you use?".into(),
        status: Some(CaseStatus::WaitingOnPartner),
    };
    let waiting = b.post_case_message(&case.id, &ask).await.expect("reply");
    assert_eq!(waiting.status, CaseStatus::WaitingOnPartner);
    let mut bad = channels.clone();
    bad.video_url = "javascript:alert(1)".into();
    assert_eq!(
        code(b.set_support_channels(&bad).await),
        ErrorCode::Validation
    );
    b.logout().await.unwrap();

    login(b, "partner@bluebird.test").await;
    let answer = MessageInput {
        body: "Firefox 140".into(),
        status: None,
    };
    let back = b.post_case_message(&case.id, &answer).await.unwrap();
    assert_eq!(
        back.status,
        CaseStatus::InProgress,
        "a partner's answer puts it back in progress"
    );
    let thread = b.case_messages(&case.id).await.unwrap();
    let lines: Vec<(&str, bool)> = thread
        .iter()
        .map(|m| (m.body.as_str(), m.from_staff))
        .collect();
    assert_eq!(
        lines,
        [("Which browser do you use?", true), ("Firefox 140", false)]
    );
    let solved = MessageInput {
        body: "Works now, thanks".into(),
        status: Some(CaseStatus::Solved),
    };
    assert_eq!(
        b.post_case_message(&case.id, &solved).await.unwrap().status,
        CaseStatus::Solved
    );
}

pub async fn announcements_reach_their_audience_once_published(b: &dyn PrmBackend) {
    let titles = |list: Vec<Announcement>| list.into_iter().map(|a| a.id).collect::<Vec<_>>();
    login(b, "partner@acme.test").await;
    assert_eq!(
        titles(b.list_announcements().await.unwrap()),
        ["ann_gold_summit", "ann_pricing"]
    );
    let mut input = AnnouncementInput {
        title: "Silver webinar".into(),
        body: "<b>Join</b> us".into(),
        audience: Audience {
            tiers: vec!["tier_silver".into()],
            roles: vec![],
        },
        publish_on: "2000-01-01".into(),
    };
    assert_eq!(
        code(b.create_announcement(&input).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();
    login(b, "rep@acme.test").await;
    assert_eq!(
        titles(b.list_announcements().await.unwrap()),
        ["ann_pricing"],
        "executives only"
    );
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    assert_eq!(
        b.list_announcements().await.unwrap().len(),
        3,
        "staff see scheduled ones"
    );
    input.publish_on = "31/12/2026".into();
    assert_eq!(
        code(b.create_announcement(&input).await),
        ErrorCode::Validation
    );
    input.publish_on = "2000-01-01".into();
    let made = b.create_announcement(&input).await.expect("create");
    assert_eq!(made.author_name, "Casey Channel");
    input.title = "Silver webinar, new date".into();
    let edited = b.update_announcement(&made.id, &input).await.expect("edit");
    assert_eq!(edited.title, "Silver webinar, new date");
    assert_eq!(
        code(b.update_announcement("ann_nope", &input).await),
        ErrorCode::NotFound
    );
    b.logout().await.unwrap();

    login(b, "partner@bluebird.test").await;
    let seen = b.list_announcements().await.unwrap();
    assert!(seen
        .iter()
        .any(|a| a.id == made.id && a.body == "<b>Join</b> us"));
    assert!(!seen.iter().any(|a| a.id == "ann_gold_summit"));
}
