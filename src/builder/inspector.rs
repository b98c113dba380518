//! The property panel: typed, validated settings of the selected block, who sees it, and its
//! block actions (duplicate, delete).

use std::rc::Rc;

use serde_json::Value;
use trellis_api::widgets::{check_value, PropKind, PropSpec};
use trellis_api::{Audience, LayoutNode, Role, Site, Tier};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::edit::Edit;
use super::editor::node_name;
use super::tree;

/// The text a setting's input shows.
fn shown(value: Option<&Value>, spec: &PropSpec) -> String {
    match value.cloned().unwrap_or_else(|| spec.default.value()) {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The value typed text stands for, or why it is not valid.
pub fn parse_prop(spec: &PropSpec, text: &str) -> Result<Value, String> {
    let value = match spec.kind {
        PropKind::Int { min, max } => text
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("must be a whole number from {min} to {max}"))?,
        _ => Value::String(text.to_string()),
    };
    match check_value(spec, &value) {
        Some(message) => Err(message),
        None => Ok(value),
    }
}

/// Properties of [`PropField`].
#[derive(Properties, PartialEq)]
pub struct PropFieldProps {
    pub node: AttrValue,
    pub spec: &'static PropSpec,
    pub value: Option<Value>,
    pub on_set: Callback<Value>,
}

/// One setting: shows the error while typing, commits a valid value on change.
#[component]
pub fn PropField(props: &PropFieldProps) -> Html {
    let spec = props.spec;
    let text = use_state(|| shown(props.value.as_ref(), spec));
    let error = use_state(|| None::<String>);
    {
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(props.value.clone(), move |v| {
            text.set(shown(v.as_ref(), spec));
            error.set(None);
        });
    }
    let id = format!("prop-{}-{}", props.node, spec.key);
    let error_id = format!("{id}-error");
    let oninput = {
        let (text, error) = (text.clone(), error.clone());
        Callback::from(move |value: String| {
            error.set(parse_prop(spec, &value).err());
            text.set(value);
        })
    };
    let commit = {
        let on_set = props.on_set.clone();
        Callback::from(move |value: String| {
            if let Ok(v) = parse_prop(spec, &value) {
                on_set.emit(v);
            }
        })
    };
    let invalid = error.is_some().to_string();
    let described = error.as_ref().map(|_| error_id.clone());
    let input = match spec.kind {
        PropKind::Choice(options) => {
            let onchange =
                commit.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
            html! {
                <select id={id.clone()} {onchange}>
                    { for options.iter().map(|(v, label)| html! {
                        <option value={*v} selected={*text == *v}>{ *label }</option>
                    }) }
                </select>
            }
        }
        PropKind::Markdown => html! {
            <textarea id={id.clone()} rows="5" value={(*text).clone()} aria-invalid={invalid.clone()}
                aria-describedby={described.clone()}
                oninput={oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value())}
                onchange={commit.reform(|e: Event| e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
        },
        _ => {
            let kind = if matches!(spec.kind, PropKind::Int { .. }) {
                "number"
            } else {
                "text"
            };
            html! {
                <input id={id.clone()} type={kind} value={(*text).clone()} aria-invalid={invalid}
                    aria-describedby={described}
                    oninput={oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value())}
                    onchange={commit.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value())} />
            }
        }
    };
    html! {
        <div class="field">
            <label for={id}>{ spec.label }</label>
            { input }
            if let Some(message) = &*error {
                <p class="field-error" id={error_id}>{ format!("{} {message}", spec.label) }</p>
            }
        </div>
    }
}

/// Properties of [`AudienceEditor`].
#[derive(Properties, PartialEq)]
pub struct AudienceEditorProps {
    /// Unique prefix for the checkbox ids.
    pub id: AttrValue,
    pub audience: Audience,
    pub tiers: Rc<Vec<Tier>>,
    pub on_change: Callback<Audience>,
}

/// Who sees a tab or block: tiers and partner roles (none ticked means everyone).
#[component]
pub fn AudienceEditor(props: &AudienceEditorProps) -> Html {
    let toggle_tier = |tier: String| {
        let (a, on_change) = (props.audience.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            let mut a = a.clone();
            if let Some(i) = a.tiers.iter().position(|t| *t == tier) {
                a.tiers.remove(i);
            } else {
                a.tiers.push(tier.clone());
            }
            on_change.emit(a);
        })
    };
    let toggle_role = |role: Role| {
        let (a, on_change) = (props.audience.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            let mut a = a.clone();
            if let Some(i) = a.roles.iter().position(|r| *r == role) {
                a.roles.remove(i);
            } else {
                a.roles.push(role);
            }
            on_change.emit(a);
        })
    };
    html! {
        <fieldset class="b-audience">
            <legend>{ "Who sees it" }</legend>
            <p class="muted small">{ "Nothing ticked: every partner. Staff always see everything." }</p>
            <div class="b-checks" role="group" aria-label="Tiers">
                { for props.tiers.iter().map(|t| {
                    let id = format!("{}-tier-{}", props.id, t.id);
                    html! { <label for={id.clone()}><input type="checkbox" id={id} checked={props.audience.tiers.contains(&t.id)}
                        onchange={toggle_tier(t.id.clone())} />{ format!(" {}", t.name) }</label> }
                }) }
            </div>
            <div class="b-checks" role="group" aria-label="Roles">
                { for Role::ALL.into_iter().filter(|r| !r.is_internal()).map(|r| {
                    let id = format!("{}-role-{}", props.id, trellis_api::wire_name(&r));
                    html! { <label for={id.clone()}><input type="checkbox" id={id} checked={props.audience.roles.contains(&r)}
                        onchange={toggle_role(r)} />{ format!(" {}", r.label()) }</label> }
                }) }
            </div>
        </fieldset>
    }
}

/// Properties of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub site: Rc<Site>,
    /// Index of the open page in `site.pages`.
    pub page: usize,
    pub selected: Option<String>,
    pub tiers: Rc<Vec<Tier>>,
    pub on_edit: Callback<Edit>,
}

/// The panel for the selected block.
#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let Some(open) = props.site.pages.get(props.page) else {
        return Html::default();
    };
    let node = props
        .selected
        .as_deref()
        .and_then(|id| tree::node(&open.root, id));
    let Some(node) = node else {
        return html! {
            <aside class="b-inspector card" aria-label="Properties">
                <h2>{ "Properties" }</h2>
                <p class="muted">{ "Select a block on the page to change its settings." }</p>
            </aside>
        };
    };
    let id = node.id().to_string();
    let page = open.id.clone();
    let edit = |make: fn(String, String) -> Edit| {
        let (on_edit, page, id) = (props.on_edit.clone(), page.clone(), id.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(make(page.clone(), id.clone())))
    };
    let fields = match node {
        LayoutNode::Component {
            component,
            props: values,
            audience,
            ..
        } => {
            let on_audience = {
                let (on_edit, page, id) = (props.on_edit.clone(), page.clone(), id.clone());
                Callback::from(move |audience| {
                    on_edit.emit(Edit::SetAudience {
                        page: page.clone(),
                        id: id.clone(),
                        audience,
                    })
                })
            };
            html! {
                <>
                    { for component.info().props.iter().map(|spec| {
                        let (on_edit, page, nid) = (props.on_edit.clone(), page.clone(), id.clone());
                        let on_set = Callback::from(move |value| on_edit.emit(Edit::SetProp {
                            page: page.clone(), id: nid.clone(), key: spec.key.into(), value,
                        }));
                        html! { <PropField key={spec.key} node={id.clone()} {spec} value={values.get(spec.key).cloned()} {on_set} /> }
                    }) }
                    <AudienceEditor id={format!("aud-{id}")} audience={audience.clone()} tiers={props.tiers.clone()} on_change={on_audience} />
                </>
            }
        }
        LayoutNode::Section { title, .. } => {
            let (on_edit, page, nid) = (props.on_edit.clone(), page.clone(), id.clone());
            let onchange = Callback::from(move |e: Event| {
                on_edit.emit(Edit::SetSectionTitle {
                    page: page.clone(),
                    id: nid.clone(),
                    title: e.target_unchecked_into::<HtmlInputElement>().value(),
                })
            });
            html! {
                <div class="field">
                    <label for="section-title">{ "Section title (optional)" }</label>
                    <input id="section-title" maxlength="200" value={title.clone()} {onchange} />
                </div>
            }
        }
        LayoutNode::Row { columns, .. } => {
            let (on_edit, page, nid) = (props.on_edit.clone(), page.clone(), id.clone());
            let onchange = Callback::from(move |e: Event| {
                let n = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_edit.emit(Edit::SetColumns {
                    page: page.clone(),
                    id: nid.clone(),
                    columns: n.parse().unwrap_or(1),
                })
            });
            html! {
                <div class="field">
                    <label for="row-columns">{ "Columns" }</label>
                    <select id="row-columns" {onchange}>
                        { for (1..=4usize).map(|n| html! { <option value={n.to_string()} selected={columns.len() == n}>{ n }</option> }) }
                    </select>
                    <p class="muted small">{ "Fewer columns: the contents of the removed ones move to the last column." }</p>
                </div>
            }
        }
    };
    html! {
        <aside class="b-inspector card" aria-label="Properties">
            <h2>{ node_name(node) }</h2>
            { fields }
            <div class="actions">
                <button type="button" class="button secondary small"
                    onclick={edit(|page, id| Edit::Duplicate { page, id })}>{ "Duplicate" }</button>
                <button type="button" class="button danger small"
                    onclick={edit(|page, id| Edit::Remove { page, id })}>{ "Delete" }</button>
            </div>
        </aside>
    }
}
