//! The palette: layout blocks and every component, to click, drag or carry by keyboard onto the page.

use trellis_api::widgets::CATALOGUE;
use trellis_api::ComponentKind;
use yew::prelude::*;

use super::carry::Carried;

/// A palette item's `data-palette` value.
pub fn palette_key(what: &Carried) -> String {
    match what {
        Carried::Component(kind) => format!("c:{}", trellis_api::wire_name(kind)),
        Carried::Row(n) => format!("r:{n}"),
        Carried::Section => "s".into(),
        Carried::Node(id) => format!("n:{id}"),
    }
}

/// The block a `data-palette` value names.
pub fn parse_palette_key(key: &str) -> Option<Carried> {
    match key.split_once(':') {
        Some(("c", name)) => ComponentKind::ALL
            .into_iter()
            .find(|k| trellis_api::wire_name(k) == name)
            .map(Carried::Component),
        Some(("r", n)) => n
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))
            .map(Carried::Row),
        None if key == "s" => Some(Carried::Section),
        _ => None,
    }
}

/// Properties of [`Palette`].
#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onpointerdown: Callback<PointerEvent>,
}

fn item(what: Carried, label: String, description: &str) -> Html {
    html! {
        <li>
            <button type="button" class="b-palette-item" data-palette={palette_key(&what)}
                aria-describedby="b-palette-help" title={description.to_string()}>
                <span class="grip" aria-hidden="true">{ "+" }</span><span class="visually-hidden">{ "Add " }</span>{ label }
            </button>
        </li>
    }
}

/// The list of blocks to add.
#[component]
pub fn Palette(props: &PaletteProps) -> Html {
    html! {
        <nav class="b-palette" aria-label="Blocks to add" onclick={props.onclick.clone()}
            onkeydown={props.onkeydown.clone()} onpointerdown={props.onpointerdown.clone()}>
            <p id="b-palette-help" class="muted small">
                { "Click to add after the selection, drag onto the page, or press Space and use the arrow keys." }
            </p>
            <h3>{ "Layout" }</h3>
            <ul class="b-palette-list">
                { item(Carried::Section, "Section".into(), "A titled group of blocks") }
                { for (1..=4).map(|n| item(Carried::Row(n), format!("Row, {n} column{}", if n == 1 { "" } else { "s" }), "Blocks side by side")) }
            </ul>
            <h3>{ "Components" }</h3>
            <ul class="b-palette-list">
                { for CATALOGUE.iter().map(|c| item(Carried::Component(c.kind), c.label.into(), c.description)) }
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_keys_round_trip() {
        let mut all: Vec<Carried> = ComponentKind::ALL
            .into_iter()
            .map(Carried::Component)
            .collect();
        all.extend([Carried::Section, Carried::Row(1), Carried::Row(4)]);
        for what in all {
            assert_eq!(parse_palette_key(&palette_key(&what)), Some(what));
        }
        assert_eq!(parse_palette_key("r:5"), None);
        assert_eq!(parse_palette_key("c:carousel"), None);
    }
}
