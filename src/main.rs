//! Mounts the Trellis app.

fn main() {
    yew::Renderer::<trellis::app::App>::new().render();
}
