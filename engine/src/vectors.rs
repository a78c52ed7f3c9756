//! Data whose examples are vectors, x_i ∈ R^d with d up to [`MAX_INPUTS`], each with a label:
//! the network's first layer reads the vector as it is (features of the plane are for points
//! on the plane). Bundled: the handwritten digits of UCI's "Optical Recognition of
//! Handwritten Digits" (E. Alpaydin and C. Kaynak, 1998; CC BY 4.0) as scikit-learn ships
//! them (`sklearn/datasets/data/digits.csv.gz`, BSD-3-Clause): 1,797 images of 8 x 8 grey
//! levels 0 to 16, stored as 65 bytes each (the 64 levels row by row, then the digit) in
//! `engine/data/digits.bin`. Native builds carry the file; the browser's worker is given it
//! (fetched on first use, so that the page loads without it) through [`provide_digits`].

use crate::data::{Point, Rows, Split};
use crate::limits::{MAX_INPUTS, MAX_VECTOR_CLASSES};
use crate::rng::Rng;
use crate::Real;

/// The digits' file, carried by native builds: [`DIGIT_COUNT`] records of 64 grey levels and
/// the digit.
#[cfg(not(target_arch = "wasm32"))]
const BUNDLED: Option<&[u8]> = Some(include_bytes!("../data/digits.bin"));
#[cfg(target_arch = "wasm32")]
const BUNDLED: Option<&[u8]> = None;
/// The digits' file as given to a build that does not carry it.
static PROVIDED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
/// Bytes a record takes.
const RECORD: usize = 65;
/// How many images the set holds.
pub const DIGIT_COUNT: usize = 1797;
/// An image's side, in pixels.
pub const DIGIT_SIDE: usize = 8;
/// The darkest grey level.
pub const DIGIT_LEVELS: u8 = 16;

/// Gives the digits' file to a build that does not carry it; refused (with why) when it is
/// not the file: another length, a grey level over 16 or a digit over 9.
pub fn provide_digits(bytes: Vec<u8>) -> Result<(), String> {
    if bytes.len() != DIGIT_COUNT * RECORD {
        return Err(format!("the digits' file has {} bytes, not {}", bytes.len(), DIGIT_COUNT * RECORD));
    }
    if bytes.chunks_exact(RECORD).any(|r| r[..RECORD - 1].iter().any(|&v| v > DIGIT_LEVELS) || r[RECORD - 1] > 9) {
        return Err("the digits' file holds a value no image has".into());
    }
    let _ = PROVIDED.set(bytes);
    Ok(())
}

/// Whether the digits can be read (carried, or given).
pub fn digits_loaded() -> bool {
    BUNDLED.is_some() || PROVIDED.get().is_some()
}

/// Every image of the set: its 64 grey levels (row by row) and its digit; none before the file
/// is given to a build that does not carry it.
pub fn digits() -> impl Iterator<Item = (&'static [u8], u8)> {
    let bytes: &'static [u8] = BUNDLED.or_else(|| PROVIDED.get().map(Vec::as_slice)).unwrap_or(&[]);
    bytes.chunks_exact(RECORD).map(|r| (&r[..RECORD - 1], r[RECORD - 1]))
}

/// Whether `chosen` is a choice of digits: 2 to 10 distinct digits, in increasing order.
pub fn valid_choice(chosen: &[u8]) -> bool {
    (2..=MAX_VECTOR_CLASSES).contains(&chosen.len()) && chosen.iter().all(|&d| d <= 9) && chosen.windows(2).all(|w| w[0] < w[1])
}

/// A digit's label among `chosen`: with two classes −1 for the first and +1 for the second (as
/// every two-class set), else its place in the choice; none for a digit not chosen.
pub fn label_of(digit: u8, chosen: &[u8]) -> Option<Real> {
    let at = chosen.iter().position(|&d| d == digit)?;
    Some(if chosen.len() == 2 { [-1.0, 1.0][at] } else { at as Real })
}

/// The chosen digits' images as examples: each a row of 64 inputs, the grey level over 16 (0
/// to 1), and a point that carries its label (at the plane's centre: the plane cannot show 64
/// inputs).
pub fn digit_examples(chosen: &[u8]) -> (Vec<Point>, Vec<Real>) {
    let mut points = Vec::new();
    let mut rows = Vec::new();
    for (pixels, digit) in digits() {
        let Some(label) = label_of(digit, chosen) else { continue };
        points.push(Point { x: 0.0, y: 0.0, label });
        rows.extend(pixels.iter().map(|&v| v as Real / DIGIT_LEVELS as Real));
    }
    (points, rows)
}

/// Shuffles the examples once and splits them as [`crate::data::split`] does, each point's row
/// kept with it.
pub fn split_rows(points: Vec<Point>, rows: &[Real], dims: usize, percent_train: u32, percent_val: u32, rng: &mut Rng) -> Split {
    debug_assert!(dims > 0 && dims <= MAX_INPUTS && rows.len() == points.len() * dims);
    let mut order: Vec<usize> = (0..points.len()).collect();
    rng.shuffle(&mut order);
    let n = order.len();
    let n_train = (n * percent_train.min(100) as usize / 100).max(n.min(1));
    let n_val = (n * percent_val as usize / 100).min(n - n_train);
    let part = |range: std::ops::Range<usize>| -> (Vec<Point>, Vec<Real>) {
        let ids = &order[range];
        (ids.iter().map(|&i| points[i]).collect(), ids.iter().flat_map(|&i| rows[i * dims..(i + 1) * dims].iter().copied()).collect())
    };
    let (train, train_rows) = part(0..n_train);
    let (validation, validation_rows) = part(n_train..n_train + n_val);
    let (test, test_rows) = part(n_train + n_val..n);
    Split { train, validation, test, rows: Rows { dims, train: train_rows, validation: validation_rows, test: test_rows } }
}

/// The side of the bitmap a drawn digit is brought to before it is counted in blocks, as the
/// set's images were (32 x 32, then 4 x 4 blocks).
const BITMAP: usize = 32;

/// A digit drawn on a square pad (`ink`, `side` x `side`, row by row, 0 for none up to 1) as
/// the set's images are made: the ink's bounding box centred and scaled, keeping its shape, so
/// that its longer side fills a 32 x 32 bitmap, each bitmap pixel on when ink covers half of
/// it, then the on pixels of each 4 x 4 block counted (0 to 16). All zeros when nothing is
/// drawn.
pub fn digit_from_drawing(ink: &[f32], side: usize) -> [u8; DIGIT_SIDE * DIGIT_SIDE] {
    let mut levels = [0u8; DIGIT_SIDE * DIGIT_SIDE];
    if side == 0 || ink.len() < side * side {
        return levels;
    }
    let inked = |x: usize, y: usize| ink[y * side + x] > 0.1;
    let (mut x0, mut y0, mut x1, mut y1) = (side, side, 0, 0);
    for y in 0..side {
        for x in 0..side {
            if inked(x, y) {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
            }
        }
    }
    if x0 >= x1 {
        return levels;
    }
    // The box's longer side fills the bitmap; the shorter is centred.
    let scale = (x1 - x0).max(y1 - y0) as f64 / BITMAP as f64;
    let (cx, cy) = ((x0 + x1) as f64 / 2.0, (y0 + y1) as f64 / 2.0);
    for by in 0..BITMAP {
        for bx in 0..BITMAP {
            // The pad's area under this bitmap pixel: the share of it inked.
            let (fx0, fy0) = (cx + (bx as f64 - BITMAP as f64 / 2.0) * scale, cy + (by as f64 - BITMAP as f64 / 2.0) * scale);
            let (mut sum, mut count) = (0.0, 0usize);
            let steps = (scale.ceil() as usize).max(1);
            for sy in 0..steps {
                for sx in 0..steps {
                    let (x, y) = (fx0 + (sx as f64 + 0.5) * scale / steps as f64, fy0 + (sy as f64 + 0.5) * scale / steps as f64);
                    if x >= 0.0 && y >= 0.0 && (x as usize) < side && (y as usize) < side {
                        sum += ink[y as usize * side + x as usize] as f64;
                    }
                    count += 1;
                }
            }
            if sum / count as f64 >= 0.5 {
                levels[(by / 4) * DIGIT_SIDE + bx / 4] += 1;
            }
        }
    }
    levels
}
