//! Colour scales: TensorFlow Playground's orange-grey-blue for values in [-1, 1], one hue per
//! class for K classes, and the RGBA pixel buffers drawn from them.

use crate::engine::Real;

/// Colour of -1 (orange, the negative class).
pub const ORANGE: [u8; 3] = [0xf5, 0x93, 0x22];
/// Colour of 0.
pub const GREY: [u8; 3] = [0xe8, 0xea, 0xeb];
/// Colour of +1 (blue, the positive class).
pub const BLUE: [u8; 3] = [0x08, 0x77, 0xbd];
/// Hues of classes when there are more than two. The first four, Okabe and Ito's blue,
/// vermillion, yellow and sky blue, stay apart under protanopia, deuteranopia and tritanopia
/// (tests/colour_vision.rs simulates them). The other six (Okabe and Ito's green and pink,
/// grey, purple, brown, black) serve the digits, whose classes are also named by their digit
/// wherever a colour marks them.
pub const CLASS_HUES: [[u8; 3]; 10] = [
    [0x00, 0x72, 0xb2],
    [0xd5, 0x5e, 0x00],
    [0xf0, 0xe4, 0x42],
    [0x56, 0xb4, 0xe9],
    [0x00, 0x9e, 0x73],
    [0xcc, 0x79, 0xa7],
    [0x88, 0x88, 0x88],
    [0x6a, 0x3d, 0x9a],
    [0x8c, 0x56, 0x2d],
    [0x11, 0x11, 0x11],
];
/// Number of distinct shades in the diverging scale.
pub const SHADES: usize = 31;

/// The diverging scale quantised into [`SHADES`] colours, as TensorFlow Playground draws it.
pub struct Palette {
    shades: [[u8; 4]; SHADES],
}

impl Default for Palette {
    fn default() -> Self {
        Self::new()
    }
}

impl Palette {
    /// Builds the 31 shades: linear RGB interpolation orange -> grey -> blue.
    pub fn new() -> Palette {
        let mut shades = [[0u8; 4]; SHADES];
        for (i, shade) in shades.iter_mut().enumerate() {
            let t = -1.0 + 2.0 * i as f64 / (SHADES - 1) as f64;
            let rgb = diverging(t);
            *shade = [rgb[0], rgb[1], rgb[2], 255];
        }
        Palette { shades }
    }

    /// The shade of a value: [-1, 1] split into 31 equal bins, values outside clamped; NaN
    /// is drawn as grey.
    #[inline]
    pub fn shade(&self, value: Real) -> [u8; 4] {
        if value.is_nan() {
            return [GREY[0], GREY[1], GREY[2], 255];
        }
        let v = value.clamp(-1.0, 1.0);
        let bin = (((v + 1.0) * 0.5) * SHADES as Real) as usize;
        self.shades[bin.min(SHADES - 1)]
    }

    /// Writes one RGBA pixel per value; with `discretize`, only the sign counts.
    pub fn fill(&self, values: &[Real], discretize: bool, rgba: &mut [u8]) {
        self.fill_mapped(values, |v| v, discretize, rgba);
    }

    /// Like `fill`, with each value first put on the [-1, 1] scale by `to_scale`.
    pub fn fill_mapped(&self, values: &[Real], to_scale: impl Fn(Real) -> Real, discretize: bool, rgba: &mut [u8]) {
        for (px, &v) in rgba.chunks_exact_mut(4).zip(values) {
            let v = to_scale(v);
            let v = if discretize {
                if v >= 0.0 {
                    1.0
                } else {
                    -1.0
                }
            } else {
                v
            };
            px.copy_from_slice(&self.shade(v));
        }
    }

    /// Writes an n x n picture block-averaged down to m x m (m divides n), for thumbnails.
    pub fn fill_downsampled(&self, values: &[Real], n: usize, m: usize, rgba: &mut [u8]) {
        let k = n / m;
        let scale = 1.0 / (k * k) as Real;
        for r in 0..m {
            for c in 0..m {
                let mut sum = 0.0;
                for i in 0..k {
                    let row = &values[(r * k + i) * n + c * k..(r * k + i) * n + c * k + k];
                    sum += row.iter().sum::<Real>();
                }
                let px = (r * m + c) * 4;
                rgba[px..px + 4].copy_from_slice(&self.shade(sum * scale));
            }
        }
    }
}

/// The continuous scale: orange at -1, grey at 0, blue at +1.
pub fn diverging(t: f64) -> [u8; 3] {
    let t = t.clamp(-1.0, 1.0);
    let (from, to, f) = if t < 0.0 { (GREY, ORANGE, -t) } else { (GREY, BLUE, t) };
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    [mix(from[0], to[0]), mix(from[1], to[1]), mix(from[2], to[2])]
}

/// K-class picture: each cell takes the colour of its most likely class (orange and blue for
/// two, as the points are drawn), faded towards grey as that class's probability falls to
/// 1/K. `probabilities` is `[class][cell]`.
pub fn fill_classes(probabilities: &[Real], classes: usize, discretize: bool, rgba: &mut [u8]) {
    let cells = probabilities.len() / classes;
    let floor = 1.0 / classes as Real;
    for (cell, px) in rgba.chunks_exact_mut(4).enumerate().take(cells) {
        let (best, p) = (0..classes).map(|k| (k, probabilities[k * cells + cell])).fold((0, Real::MIN), |acc, x| if x.1 > acc.1 { x } else { acc });
        let strength = if discretize { 1.0 } else { ((p - floor) / (1.0 - floor)).clamp(0.0, 1.0) };
        let hue = class_colour(best, classes);
        for ch in 0..3 {
            px[ch] = (GREY[ch] as Real + (hue[ch] as Real - GREY[ch] as Real) * strength).round() as u8;
        }
        px[3] = 255;
    }
}

/// The colour of class `class` of `k`: orange and blue for two classes (class 1 is blue,
/// the +1 label), the class hues for more.
pub fn class_colour(class: usize, k: usize) -> [u8; 3] {
    if k <= 2 {
        [ORANGE, BLUE][class.min(1)]
    } else {
        CLASS_HUES[class % CLASS_HUES.len()]
    }
}

/// `#rrggbb` for a colour.
pub fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
