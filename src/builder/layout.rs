//! The layout editor: palette, canvas and property panel, with moves by pointer (mouse, pen,
//! touch) and by keyboard (Space to pick up, arrows to move, Space to drop, Escape to cancel).

use std::rc::Rc;

use gloo_events::EventListener;
use trellis_api::{Page, Site, Tier};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::canvas::Canvas;
use super::carry::{Carried, Carry};
use super::dom::{focus_handle, slot_at, target_attr};
use super::edit::Edit;
use super::editor::{Action, Editor};
use super::inspector::Inspector;
use super::palette::{parse_palette_key, Palette};

/// Pixels a pointer must travel before a press becomes a drag.
const DRAG_THRESHOLD: f64 = 5.0;

/// Properties of [`LayoutEditor`].
#[derive(Properties, PartialEq)]
pub struct LayoutEditorProps {
    pub editor: UseReducerHandle<Editor>,
    pub tiers: Rc<Vec<Tier>>,
    /// Says something in the builder's live region.
    pub announce: Callback<String>,
}

struct Press {
    what: Carried,
    x: f64,
    y: f64,
    dragging: bool,
}

/// The open page, shared with the site instead of copied.
#[derive(Clone)]
struct OpenPage {
    site: Rc<Site>,
    index: usize,
}

impl std::ops::Deref for OpenPage {
    type Target = Page;

    fn deref(&self) -> &Page {
        &self.site.pages[self.index]
    }
}

/// What the window-level pointer listeners need to see of the latest render.
struct Live {
    page: Option<OpenPage>,
    selected: Option<String>,
    carry: Option<Carry>,
    press: Option<Press>,
}

/// The palette, the canvas of the open page and the property panel.
#[component]
pub fn LayoutEditor(props: &LayoutEditorProps) -> Html {
    let editor = &props.editor;
    let page: Option<OpenPage> = editor
        .site
        .pages
        .iter()
        .position(|p| Some(&p.id) == editor.page.as_ref())
        .map(|index| OpenPage {
            site: editor.site.clone(),
            index,
        });
    let carry = use_state(|| None::<Carry>);
    let live = use_mut_ref(|| Live {
        page: None,
        selected: None,
        carry: None,
        press: None,
    });
    let ghost = use_node_ref();
    let focus_after = use_mut_ref(|| false);
    {
        let mut l = live.borrow_mut();
        l.page = page.clone();
        l.selected = editor.selected.clone();
        l.carry = (*carry).clone();
    }
    let set_carry = {
        let (carry, live) = (carry.setter(), live.clone());
        Rc::new(move |c: Option<Carry>| {
            live.borrow_mut().carry = c.clone();
            carry.set(c);
        })
    };
    let drop_carry: Rc<dyn Fn(&Carry)> = {
        let (live, dispatcher, announce, focus_after) = (
            live.clone(),
            editor.dispatcher(),
            props.announce.clone(),
            focus_after.clone(),
        );
        Rc::new(move |c: &Carry| {
            let Some(page) = live.borrow().page.clone() else {
                return;
            };
            let place = c.describe(&page);
            match c.drop_edit(&page) {
                Some(edit) => {
                    *focus_after.borrow_mut() = true;
                    dispatcher.dispatch(Action::Edit(edit));
                    announce.emit(format!("{}, dropped at {place}", c.name));
                }
                None => announce.emit(format!("{}, not moved", c.name)),
            }
        })
    };
    {
        // Pointer drags are followed on the window, so they continue outside the canvas.
        let (live, set_carry, drop_carry, ghost) = (
            live.clone(),
            set_carry.clone(),
            drop_carry.clone(),
            ghost.clone(),
        );
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let (l1, s1, g1) = (live.clone(), set_carry.clone(), ghost.clone());
            let on_move = EventListener::new(&window, "pointermove", move |e| {
                let Some(e) = e.dyn_ref::<PointerEvent>() else {
                    return;
                };
                let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
                let mut l = l1.borrow_mut();
                let Some(page) = l.page.clone() else { return };
                let start = match &mut l.press {
                    Some(p) if !p.dragging && (p.x - x).hypot(p.y - y) > DRAG_THRESHOLD => {
                        p.dragging = true;
                        Some(p.what.clone())
                    }
                    _ => None,
                };
                if !l.press.as_ref().is_some_and(|p| p.dragging) {
                    return;
                }
                let mut next = match start {
                    Some(Carried::Node(id)) => Carry::node(&page, &id),
                    Some(what) => Some(Carry::new_block(&page, what, None)),
                    None => l.carry.clone(),
                };
                if let Some(c) = next.as_mut() {
                    match slot_at(x, y) {
                        Some(slot) => c.point(&page, slot),
                        None => c.at = None,
                    }
                }
                if let Some(el) = g1.cast::<HtmlElement>() {
                    let _ = el.style().set_property(
                        "transform",
                        &format!("translate({}px, {}px)", x + 12.0, y + 12.0),
                    );
                }
                if next != l.carry {
                    drop(l);
                    s1(next);
                }
            });
            let (l2, s2) = (live, set_carry);
            let on_up = EventListener::new(&window, "pointerup", move |_| {
                let press = l2.borrow_mut().press.take();
                if press.is_some_and(|p| p.dragging) {
                    let carried = l2.borrow().carry.clone();
                    if let Some(c) = carried {
                        drop_carry(&c);
                    }
                    s2(None);
                }
            });
            move || drop((on_move, on_up))
        });
    }
    {
        let focus_after = focus_after.clone();
        use_effect_with(
            (editor.revision, editor.selected.clone()),
            move |(_, selected)| {
                if std::mem::take(&mut *focus_after.borrow_mut()) {
                    if let Some(id) = selected {
                        focus_handle(id);
                    }
                }
            },
        );
    }
    let Some(page) = page else {
        return html! { <p class="muted">{ "This site has no pages yet: add one above." }</p> };
    };
    let dispatcher = editor.dispatcher();
    let on_key = {
        let (live, set_carry, drop_carry, announce, dispatcher, page, focus_after) = (
            live.clone(),
            set_carry.clone(),
            drop_carry.clone(),
            props.announce.clone(),
            dispatcher.clone(),
            page.clone(),
            focus_after.clone(),
        );
        Rc::new(move |e: KeyboardEvent, what: Carried| {
            let current = live.borrow().carry.clone();
            let key = e.key();
            match current {
                None => match key.as_str() {
                    " " | "Enter" => {
                        e.prevent_default();
                        let after = live.borrow().selected.clone();
                        let c = match &what {
                            Carried::Node(id) => Carry::node(&page, id),
                            other => Some(Carry::new_block(&page, other.clone(), after.as_deref())),
                        };
                        if let Some(c) = c {
                            announce.emit(format!(
                                "{}, picked up at {}. Arrow keys move it, Space or Enter drops it, Escape cancels.",
                                c.name,
                                c.describe(&page)
                            ));
                            set_carry(Some(c));
                        }
                    }
                    "Delete" => {
                        if let Carried::Node(id) = what {
                            e.prevent_default();
                            // Focus moves to the block selected next (a neighbour).
                            *focus_after.borrow_mut() = true;
                            dispatcher.dispatch(Action::Edit(Edit::Remove {
                                page: page.id.clone(),
                                id,
                            }));
                        }
                    }
                    _ => {}
                },
                Some(mut c) => match key.as_str() {
                    "ArrowDown" | "ArrowRight" | "ArrowUp" | "ArrowLeft" | "Home" | "End" => {
                        e.prevent_default();
                        match key.as_str() {
                            "ArrowDown" | "ArrowRight" => c.step(1),
                            "ArrowUp" | "ArrowLeft" => c.step(-1),
                            "Home" => c.step(-(c.slots.len() as isize)),
                            _ => c.step(c.slots.len() as isize),
                        }
                        announce.emit(format!("{}, moved to {}", c.name, c.describe(&page)));
                        set_carry(Some(c));
                    }
                    " " | "Enter" => {
                        e.prevent_default();
                        drop_carry(&c);
                        set_carry(None);
                    }
                    "Escape" | "Tab" => {
                        if key == "Escape" {
                            e.prevent_default();
                        }
                        announce.emit(format!("{}, move cancelled", c.name));
                        set_carry(None);
                    }
                    _ => {}
                },
            }
        })
    };
    let canvas_key = {
        let on_key = on_key.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(id) = target_attr(&e, "data-id") {
                on_key(e, Carried::Node(id));
            }
        })
    };
    let palette_key = {
        let on_key = on_key.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(what) = target_attr(&e, "data-palette").and_then(|k| parse_palette_key(&k))
            {
                on_key(e, what);
            }
        })
    };
    let press = |attr: &'static str| {
        let live = live.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let what = match attr {
                "data-id" => target_attr(&e, attr).map(Carried::Node),
                _ => target_attr(&e, attr).and_then(|k| parse_palette_key(&k)),
            };
            if let Some(what) = what {
                live.borrow_mut().press = Some(Press {
                    what,
                    x: f64::from(e.client_x()),
                    y: f64::from(e.client_y()),
                    dragging: false,
                });
            }
        })
    };
    let select = {
        let (dispatcher, selected) = (dispatcher.clone(), editor.selected.clone());
        Callback::from(move |e: FocusEvent| {
            let id = target_attr(&e, "data-id");
            if id.is_some() && id != selected {
                dispatcher.dispatch(Action::Select(id));
            }
        })
    };
    let click_select = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = target_attr(&e, "data-id") {
                dispatcher.dispatch(Action::Select(Some(id)));
            }
        })
    };
    let palette_click = {
        let (page, dispatcher, announce, selected) = (
            page.clone(),
            dispatcher.clone(),
            props.announce.clone(),
            editor.selected.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            if let Some(what) = target_attr(&e, "data-palette").and_then(|k| parse_palette_key(&k))
            {
                let c = Carry::new_block(&page, what, selected.as_deref());
                if let Some(edit) = c.drop_edit(&page) {
                    announce.emit(format!("{} added at {}", c.name, c.describe(&page)));
                    dispatcher.dispatch(Action::Edit(edit));
                }
            }
        })
    };
    let on_edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |edit| dispatcher.dispatch(Action::Edit(edit)))
    };
    let dragging = live.borrow().press.as_ref().is_some_and(|p| p.dragging);
    html! {
        <div class="b-layout">
            <Palette onclick={palette_click} onkeydown={palette_key} onpointerdown={press("data-palette")} />
            <section class="b-stage" aria-label={format!("Page {}", page.title)}>
                <p id="b-dnd-help" class="visually-hidden">
                    { "Space or Enter picks the block up; arrow keys move it; Space or Enter drops it; Escape cancels. Delete removes it." }
                </p>
                <Canvas site={page.site.clone()} page={page.index} selected={editor.selected.clone()} carry={(*carry).clone()}
                    tiers={props.tiers.clone()} onclick={click_select} onkeydown={canvas_key}
                    onpointerdown={press("data-id")} onfocusin={select} />
            </section>
            <Inspector site={page.site.clone()} page={page.index} selected={editor.selected.clone()} tiers={props.tiers.clone()} {on_edit} />
            <div ref={ghost} class={classes!("b-ghost", (dragging && carry.is_some()).then_some("on"))} aria-hidden="true">
                { carry.as_ref().map(|c| c.name.clone()).unwrap_or_default() }
            </div>
        </div>
    }
}
