//! Colour maths for themes: `#rrggbb` colours, WCAG 2.2 relative luminance and contrast ratio,
//! and the nearest colour that reaches a contrast target.

use std::fmt;

/// WCAG 2.2 AA minimum for body text.
pub const AA_TEXT: f64 = 4.5;
/// WCAG 2.2 AA minimum for large text and user-interface components.
pub const AA_LARGE: f64 = 3.0;

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    /// Black.
    pub const BLACK: Rgb = Rgb { r: 0, g: 0, b: 0 };
    /// White.
    pub const WHITE: Rgb = Rgb {
        r: 255,
        g: 255,
        b: 255,
    };

    /// Reads `#rrggbb` or `#rgb` (any case).
    pub fn parse(text: &str) -> Result<Rgb, String> {
        let hex = text
            .strip_prefix('#')
            .ok_or_else(|| "must start with # (like #0f6e5a)".to_string())?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()
            .ok_or_else(|| "must be hexadecimal digits (0-9, a-f)".to_string())?;
        match digits.as_slice() {
            [r, g, b] => Ok(Rgb {
                r: r * 17,
                g: g * 17,
                b: b * 17,
            }),
            [r1, r2, g1, g2, b1, b2] => Ok(Rgb {
                r: r1 * 16 + r2,
                g: g1 * 16 + g2,
                b: b1 * 16 + b2,
            }),
            _ => Err("must have 3 or 6 hexadecimal digits".into()),
        }
    }

    /// WCAG 2.2 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The colour `t` of the way (0 to 1) from `self` to `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let lerp = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb {
            r: lerp(self.r, other.r),
            g: lerp(self.g, other.g),
            b: lerp(self.b, other.b),
        }
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The WCAG contrast ratio of two colours, 1 to 21 (order does not matter).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The colour closest to `fg` (mixed towards black or towards white, whichever needs less)
/// that reaches `target` contrast on `bg`; `fg` itself if it already does, `None` if neither
/// black nor white does.
pub fn nearest_passing(fg: Rgb, bg: Rgb, target: f64) -> Option<Rgb> {
    if contrast(fg, bg) >= target {
        return Some(fg);
    }
    [Rgb::BLACK, Rgb::WHITE]
        .into_iter()
        .filter(|end| contrast(*end, bg) >= target)
        .map(|end| {
            // The least mix that passes: contrast grows monotonically along the way to `end`.
            let (mut lo, mut hi) = (0.0, 1.0);
            for _ in 0..20 {
                let mid = (lo + hi) / 2.0;
                if contrast(fg.mix(end, mid), bg) >= target {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            let mut t = hi;
            // Rounding to whole channels can land just short: step on until it passes.
            while contrast(fg.mix(end, t), bg) < target && t < 1.0 {
                t = (t + 0.002).min(1.0);
            }
            (t, fg.mix(end, t))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(hex: &str) -> Rgb {
        Rgb::parse(hex).unwrap()
    }

    fn ratio(a: &str, b: &str) -> f64 {
        (contrast(c(a), c(b)) * 100.0).round() / 100.0
    }

    #[test]
    fn colours_parse_and_print() {
        assert_eq!(
            c("#0F6E5A"),
            Rgb {
                r: 15,
                g: 110,
                b: 90
            }
        );
        assert_eq!(c("#fff"), Rgb::WHITE);
        assert_eq!(c("#0f6e5a").to_string(), "#0f6e5a");
        for bad in ["0f6e5a", "#0f6e5", "#ggg", "#", "#12345678", "#é12"] {
            assert!(Rgb::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn contrast_matches_known_wcag_pairs() {
        assert_eq!(ratio("#000000", "#ffffff"), 21.0);
        assert_eq!(ratio("#ffffff", "#ffffff"), 1.0);
        // The well-known thresholds: #767676 is the lightest grey passing AA on white, #777777 fails.
        assert_eq!(ratio("#767676", "#ffffff"), 4.54);
        assert_eq!(ratio("#777777", "#ffffff"), 4.48);
        assert_eq!(ratio("#959595", "#ffffff"), 3.0);
        assert_eq!(ratio("#0000ff", "#ffffff"), 8.59);
        assert_eq!(ratio("#ff0000", "#ffffff"), 4.0);
        assert_eq!(ratio("#ffffff", "#0f6e5a"), ratio("#0f6e5a", "#ffffff"));
    }

    #[test]
    fn the_nearest_passing_colour_is_close_and_passes() {
        let bg = Rgb::WHITE;
        let grey = c("#777777");
        let fixed = nearest_passing(grey, bg, AA_TEXT).unwrap();
        assert!(contrast(fixed, bg) >= AA_TEXT);
        assert_eq!(fixed, c("#767676"), "one step darker is enough");
        // Light text on a dark background is pushed lighter, not darker.
        let dark = c("#1f2a27");
        let dim = c("#55625e");
        let lifted = nearest_passing(dim, dark, AA_TEXT).unwrap();
        assert!(lifted.luminance() > dim.luminance() && contrast(lifted, dark) >= AA_TEXT);
        // Already passing: unchanged. Impossible targets: none.
        assert_eq!(nearest_passing(Rgb::BLACK, bg, AA_TEXT), Some(Rgb::BLACK));
        assert_eq!(nearest_passing(grey, c("#777777"), 22.0), None);
    }
}
