//! The widths a site is previewed at.

/// A preview width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Desktop,
    Tablet,
    Phone,
}

impl Device {
    /// Every device, widest first.
    pub const ALL: [Device; 3] = [Device::Desktop, Device::Tablet, Device::Phone];

    /// Its name and CSS width in pixels.
    pub fn spec(self) -> (&'static str, u32) {
        match self {
            Device::Desktop => ("Desktop", 1200),
            Device::Tablet => ("Tablet", 768),
            Device::Phone => ("Phone", 375),
        }
    }
}
