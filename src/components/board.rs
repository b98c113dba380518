//! The pipeline board: one lane per stage; cards move by mouse drag or by keyboard, announced to screen readers.

use std::rc::Rc;

use trellis_api::{wire_name, ListQuery, Opportunity, Stage};
use trellis_client::{ClientResult, PrmBackend};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::board_state::{move_input, stage_label, Board, BoardAction, STAGE_ORDER};
use crate::components::states::{ErrorState, Loading};
use crate::format::money;
use crate::routes::Route;

/// Every opportunity the user may see, following cursors.
async fn load_all(backend: Rc<dyn PrmBackend>) -> ClientResult<Vec<Opportunity>> {
    let mut query = ListQuery {
        limit: Some(ListQuery::MAX_LIMIT),
        ..Default::default()
    };
    let mut all = Vec::new();
    loop {
        let page = backend.list_opportunities(&query).await?;
        all.extend(page.items);
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => return Ok(all),
        }
    }
}

/// The kanban view of the pipeline.
#[component]
pub fn PipelineBoard() -> Html {
    let backend = use_backend();
    let board = use_reducer(Board::default);
    let loaded = use_state(|| None::<Result<(), trellis_client::ClientError>>);
    let attempt = use_state(|| 0u32);
    let over = use_state(|| None::<Stage>);
    {
        let (backend, board, loaded) = (backend.clone(), board.dispatcher(), loaded.clone());
        use_effect_with(*attempt, move |_| {
            loaded.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match load_all(backend).await {
                    Ok(cards) => {
                        board.dispatch(BoardAction::Load(cards));
                        loaded.set(Some(Ok(())));
                    }
                    Err(e) => loaded.set(Some(Err(e))),
                }
            });
        });
    }
    // Moves the card and saves it; the reducer has already moved it, a failure moves it back.
    let move_card = {
        let (backend, board) = (backend.clone(), board.clone());
        Callback::from(move |(id, stage): (String, Stage)| {
            let Some(card) = board.cards.iter().find(|c| c.id == id).cloned() else {
                return;
            };
            board.dispatch(BoardAction::MoveTo {
                id: id.clone(),
                stage,
            });
            if card.stage == stage {
                return;
            }
            let (backend, dispatcher) = (backend.clone(), board.dispatcher());
            let input = move_input(&card, stage);
            wasm_bindgen_futures::spawn_local(async move {
                match backend.update_opportunity(&id, &input).await {
                    Ok(saved) => dispatcher.dispatch(BoardAction::Saved(saved)),
                    Err(e) => dispatcher.dispatch(BoardAction::Failed {
                        card,
                        message: e.message(),
                    }),
                }
            });
        })
    };
    match &*loaded {
        None => return html! { <Loading label="Loading the pipeline…" /> },
        Some(Err(e)) => {
            let attempt = attempt.clone();
            return html! { <ErrorState error={e.clone()} on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> };
        }
        Some(Ok(())) => {}
    }
    let lanes = STAGE_ORDER.iter().map(|&stage| {
        let cards: Vec<&Opportunity> = board.lane(stage).collect();
        let total: i64 = cards.iter().map(|c| c.amount).sum();
        let currency = cards.first().map_or("EUR", |c| c.currency.as_str()).to_string();
        let target = board.grabbed.as_ref().is_some_and(|g| g.over == stage) || *over == Some(stage);
        let ondragover = {
            let over = over.clone();
            Callback::from(move |e: DragEvent| {
                e.prevent_default();
                if *over != Some(stage) {
                    over.set(Some(stage));
                }
            })
        };
        let ondragleave = {
            let over = over.clone();
            Callback::from(move |_: DragEvent| over.set(None))
        };
        let ondrop = {
            let (over, move_card) = (over.clone(), move_card.clone());
            Callback::from(move |e: DragEvent| {
                e.prevent_default();
                over.set(None);
                if let Some(id) = e.data_transfer().and_then(|d| d.get_data("text/plain").ok()) {
                    move_card.emit((id, stage));
                }
            })
        };
        let heading = format!("lane-{}", wire_name(&stage));
        html! {
            <section class={classes!("lane", target.then_some("drop-target"))} aria-labelledby={heading.clone()}
                {ondragover} {ondragleave} {ondrop} data-stage={wire_name(&stage)}>
                <header>
                    <h2 id={heading}>{ stage_label(stage) }</h2>
                    <span class="muted small-text">{ format!("{} · {}", cards.len(), money(total, &currency)) }</span>
                </header>
                <ul class="lane-cards">
                    { for cards.iter().map(|c| html! { <Card key={c.id.clone()} card={(*c).clone()} board={board.clone()} move_card={move_card.clone()} /> }) }
                </ul>
            </section>
        }
    });
    html! {
        <>
            <p id="board-help" class="visually-hidden">
                { "Focus a card and press Space or Enter to pick it up, the left and right arrows to choose a stage, Space or Enter to drop it there, or Escape to cancel." }
            </p>
            <div class="visually-hidden" aria-live="assertive" aria-atomic="true">{ board.announcement.clone() }</div>
            if let Some(e) = &board.error { <div class="alert error" role="alert">{ e.clone() }</div> }
            <div class="board">{ for lanes }</div>
        </>
    }
}

/// Properties of [`Card`].
#[derive(Properties, PartialEq)]
struct CardProps {
    card: Opportunity,
    board: UseReducerHandle<Board>,
    move_card: Callback<(String, Stage)>,
}

#[component]
fn Card(props: &CardProps) -> Html {
    let c = &props.card;
    let grabbed = props
        .board
        .grabbed
        .as_ref()
        .filter(|g| g.id == c.id)
        .cloned();
    let onkeydown = {
        let (board, move_card, id, grabbed) = (
            props.board.dispatcher(),
            props.move_card.clone(),
            c.id.clone(),
            grabbed.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            // Keys pressed in the card's stage menu belong to the menu.
            if e.target_dyn_into::<web_sys::HtmlSelectElement>().is_some() {
                return;
            }
            let key = e.key();
            let handled = match (&grabbed, key.as_str()) {
                (None, " " | "Enter") => {
                    board.dispatch(BoardAction::PickUp(id.clone()));
                    true
                }
                (Some(_), "ArrowRight" | "ArrowDown") => {
                    board.dispatch(BoardAction::Step(1));
                    true
                }
                (Some(_), "ArrowLeft" | "ArrowUp") => {
                    board.dispatch(BoardAction::Step(-1));
                    true
                }
                (Some(g), " " | "Enter") => {
                    move_card.emit((id.clone(), g.over));
                    true
                }
                (Some(_), "Escape") => {
                    board.dispatch(BoardAction::Cancel);
                    true
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };
    // The id comes from the dragged element itself, so a reused listener can never send another card's.
    let ondragstart = Callback::from(move |e: DragEvent| {
        let id = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|el| el.get_attribute("data-id"));
        if let (Some(d), Some(id)) = (e.data_transfer(), id) {
            let _ = d.set_data("text/plain", &id);
            d.set_effect_allowed("move");
        }
    });
    // The stage menu: how a card moves on a touch screen, where dragging between lanes is not
    // at hand (shown by the stylesheet on narrow screens and coarse pointers).
    let onchange = {
        let (move_card, id) = (props.move_card.clone(), c.id.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let value = select.value();
            if let Some(&stage) = STAGE_ORDER.iter().find(|s| wire_name(*s) == value) {
                move_card.emit((id.clone(), stage));
            }
        })
    };
    // `aria-pressed` is for buttons only: a picked-up card says so in its name.
    let label = format!(
        "{}, {}, {}, closes {}{}",
        c.name,
        money(c.amount, &c.currency),
        stage_label(c.stage),
        c.close_date,
        if grabbed.is_some() { ", picked up" } else { "" }
    );
    // A card dropped in another lane is a new element there: give it back the focus.
    let node = use_node_ref();
    {
        let node = node.clone();
        let focus = props.board.focus.as_deref() == Some(c.id.as_str());
        use_effect_with((c.stage, focus), move |(_, focus)| {
            if *focus {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    html! {
        <li>
            <article ref={node} class={classes!("deal-card", grabbed.is_some().then_some("grabbed"))} tabindex="0" draggable="true"
                aria-roledescription="movable card" aria-label={label} aria-describedby="board-help"
                {onkeydown} {ondragstart}
                data-id={c.id.clone()}>
                <Link<Route> to={Route::EditOpportunity { id: c.id.clone() }}><strong>{ c.name.clone() }</strong></Link<Route>>
                <div class="muted small-text">{ c.account_name.clone() }</div>
                <div class="deal-card-figures">
                    <span>{ money(c.amount, &c.currency) }</span>
                    <span class="muted">{ format!("{}% · {}", c.probability, c.close_date) }</span>
                </div>
                <label class="move-to small-text">{ "Stage" }
                    <select aria-label={format!("Move {} to", c.name)} {onchange}>
                        { for STAGE_ORDER.iter().map(|&s| html! {
                            <option value={wire_name(&s)} selected={s == c.stage}>{ stage_label(s) }</option>
                        }) }
                    </select>
                </label>
                if let Some(g) = &grabbed {
                    <div class="small-text due-soon">{ format!("Drop in {}", stage_label(g.over)) }</div>
                }
            </article>
        </li>
    }
}

/// Which view of the pipeline is showing (kept in the URL).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PipelineView {
    Board,
    Table,
}

impl PipelineView {
    /// The view named in a `view` URL parameter (board unless it says table).
    pub fn from_param(value: Option<&str>) -> Self {
        match value {
            Some("table") => PipelineView::Table,
            _ => PipelineView::Board,
        }
    }
}
