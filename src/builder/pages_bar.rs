//! The page switcher above the layout editor: open, add (blank or from a template), rename, delete.

use std::rc::Rc;

use trellis_api::{Page, Site};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::edit::Edit;
use super::editor::Action;

/// Properties of [`PagesBar`].
#[derive(Properties, PartialEq)]
pub struct PagesBarProps {
    pub site: Rc<Site>,
    pub open: Option<String>,
    pub dispatch: Callback<Action>,
}

/// Start points for a new page: blank, or the first page of each template.
fn starters() -> Vec<(String, Page)> {
    let mut out = vec![(
        "Blank".to_string(),
        Page {
            id: String::new(),
            title: String::new(),
            root: Vec::new(),
        },
    )];
    out.extend(
        trellis_api::templates::all()
            .into_iter()
            .filter_map(|t| t.site.pages.into_iter().next().map(|p| (t.name, p))),
    );
    out
}

/// Page picker and page actions.
#[component]
pub fn PagesBar(props: &PagesBarProps) -> Html {
    let adding = use_state(|| false);
    let title = use_state(String::new);
    let starter = use_state(|| 0usize);
    let with_tab = use_state(|| true);
    let error = use_state(|| None::<String>);
    let open_page = props
        .site
        .pages
        .iter()
        .find(|p| Some(&p.id) == props.open.as_ref());
    let on_open = props.dispatch.reform(|e: Event| {
        Action::OpenPage(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    let on_rename = {
        let (dispatch, id) = (props.dispatch.clone(), props.open.clone());
        let old = open_page.map(|p| p.title.clone()).unwrap_or_default();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let title = input.value();
            match (id.clone(), title.trim().is_empty()) {
                (Some(page), false) => {
                    dispatch.emit(Action::Edit(Edit::RenamePage { page, title }))
                }
                // A page needs a title: the old one comes back.
                _ => input.set_value(&old),
            }
        })
    };
    let on_delete = {
        let (dispatch, id) = (props.dispatch.clone(), props.open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(page) = id.clone() {
                dispatch.emit(Action::Edit(Edit::DeletePage { page }));
            }
        })
    };
    let on_add = {
        let (dispatch, adding, title, starter, with_tab, error) = (
            props.dispatch.clone(),
            adding.clone(),
            title.clone(),
            starter.clone(),
            with_tab.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = title.trim().to_string();
            if name.is_empty() || name.chars().count() > 200 {
                error.set(Some(
                    "Page title is required (at most 200 characters)".into(),
                ));
                return;
            }
            let mut page = starters()
                .swap_remove((*starter).min(starters().len() - 1))
                .1;
            page.title = name;
            dispatch.emit(Action::Edit(Edit::AddPage {
                page,
                tab: *with_tab,
            }));
            error.set(None);
            title.set(String::new());
            adding.set(false);
        })
    };
    html! {
        <div class="b-pages card">
            <div class="b-pages-row">
                <label for="b-page">{ "Page" }</label>
                <select id="b-page" onchange={on_open}>
                    { for props.site.pages.iter().map(|p| html! {
                        <option value={p.id.clone()} selected={Some(&p.id) == props.open.as_ref()}>{ p.title.clone() }</option>
                    }) }
                </select>
                if let Some(p) = open_page {
                    <label for="b-page-title">{ "Title" }</label>
                    <input id="b-page-title" key={p.id.clone()} maxlength="200" value={p.title.clone()} onchange={on_rename} />
                    <button type="button" class="button secondary small" onclick={on_delete}>{ "Delete page" }</button>
                }
                <button type="button" class="button small" aria-expanded={adding.to_string()}
                    onclick={{ let adding = adding.clone(); move |_| adding.set(!*adding) }}>{ "Add page" }</button>
            </div>
            if *adding {
                <form class="b-pages-row" onsubmit={on_add} aria-label="Add a page">
                    <label for="b-new-title">{ "Title" }</label>
                    <input id="b-new-title" maxlength="200" value={(*title).clone()} aria-invalid={error.is_some().to_string()}
                        oninput={{ let title = title.clone(); move |e: InputEvent| title.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                    <label for="b-new-from">{ "Start from" }</label>
                    <select id="b-new-from" onchange={{ let starter = starter.clone(); move |e: Event| starter.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0)) }}>
                        { for starters().into_iter().enumerate().map(|(i, (name, _))| html! {
                            <option value={i.to_string()} selected={*starter == i}>{ if i == 0 { name } else { format!("{name} template") } }</option>
                        }) }
                    </select>
                    <label><input type="checkbox" checked={*with_tab}
                        onchange={{ let with_tab = with_tab.clone(); move |_| with_tab.set(!*with_tab) }} />{ " Add a tab for it" }</label>
                    <button class="button small">{ "Create page" }</button>
                    if let Some(e) = &*error { <p class="field-error" role="alert">{ e.clone() }</p> }
                </form>
            }
        </div>
    }
}
