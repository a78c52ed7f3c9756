//! A run's frames for an animation, as RGBA bytes: the output over the plane scaled up
//! smoothly, the data's points, and a strip below with a label (the epoch) in a small pixel
//! font. Plain Rust: the worker draws them, with no canvas.

use super::colour::{class_colour, diverging};
use crate::engine::{Point, Real};

/// The plane's side in a frame, in pixels.
pub const SIDE: usize = 300;
/// The label's strip below the plane, in pixels.
pub const STRIP: usize = 28;

/// A glyph: 11 rows of 5 pixels (two for an accent, seven for a capital, two below).
type Glyph = [u8; 11];

/// The characters the labels use: digits, the point, and the letters of "Epoch" and "Época".
fn glyph(c: char) -> Option<Glyph> {
    Some(match c {
        '0' => [0, 0, 0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E, 0, 0],
        '1' => [0, 0, 0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E, 0, 0],
        '2' => [0, 0, 0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F, 0, 0],
        '3' => [0, 0, 0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E, 0, 0],
        '4' => [0, 0, 0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02, 0, 0],
        '5' => [0, 0, 0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E, 0, 0],
        '6' => [0, 0, 0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E, 0, 0],
        '7' => [0, 0, 0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08, 0, 0],
        '8' => [0, 0, 0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E, 0, 0],
        '9' => [0, 0, 0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C, 0, 0],
        '.' => [0, 0, 0, 0, 0, 0, 0, 0x0C, 0x0C, 0, 0],
        ' ' => [0; 11],
        'E' => [0, 0, 0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F, 0, 0],
        'É' => [0x02, 0x04, 0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F, 0, 0],
        'p' => [0, 0, 0, 0, 0x1E, 0x11, 0x11, 0x11, 0x1E, 0x10, 0x10],
        'o' => [0, 0, 0, 0, 0x0E, 0x11, 0x11, 0x11, 0x0E, 0, 0],
        'c' => [0, 0, 0, 0, 0x0E, 0x10, 0x10, 0x11, 0x0E, 0, 0],
        'h' => [0, 0, 0x10, 0x10, 0x16, 0x19, 0x11, 0x11, 0x11, 0, 0],
        'a' => [0, 0, 0, 0, 0x0E, 0x01, 0x0F, 0x11, 0x0F, 0, 0],
        _ => return None,
    })
}

/// Whether every character of `text` can be drawn.
pub fn can_write(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// Writes `text` at (x, y) (its top left), each font pixel `scale` pixels square.
fn write(rgba: &mut [u8], width: usize, (x, y): (usize, usize), text: &str, scale: usize, colour: [u8; 3]) {
    let height = rgba.len() / 4 / width;
    for (i, c) in text.chars().enumerate() {
        let Some(rows) = glyph(c) else { continue };
        for (r, bits) in rows.iter().enumerate() {
            for col in 0..5 {
                if bits & (0x10 >> col) == 0 {
                    continue;
                }
                for dy in 0..scale {
                    for dx in 0..scale {
                        let (px, py) = (x + (i * 6 + col) * scale + dx, y + r * scale + dy);
                        if px < width && py < height {
                            rgba[(py * width + px) * 4..][..3].copy_from_slice(&colour);
                        }
                    }
                }
            }
        }
    }
}

/// One frame: `heatmap` (a `grid` x `grid` RGBA picture of the plane over `range`) scaled to
/// [`SIDE`] pixels, the points on it (training points outlined white, test points black), and
/// `label` in the strip below. `SIDE` x (`SIDE` + `STRIP`) RGBA.
pub fn frame(heatmap: &[u8], grid: usize, points: &[(Point, bool)], range: (Real, Real), classes: usize, label: &str) -> Vec<u8> {
    let (w, h) = (SIDE, SIDE + STRIP);
    let mut rgba = vec![255u8; w * h * 4];
    // Bilinear, sampling the cells' centres.
    let at = |x: usize, y: usize, c: usize| heatmap[(y * grid + x) * 4 + c] as f32;
    for py in 0..SIDE {
        let fy = ((py as f32 + 0.5) * grid as f32 / SIDE as f32 - 0.5).clamp(0.0, (grid - 1) as f32);
        let (y0, ty) = (fy.floor() as usize, fy - fy.floor());
        let y1 = (y0 + 1).min(grid - 1);
        for px in 0..SIDE {
            let fx = ((px as f32 + 0.5) * grid as f32 / SIDE as f32 - 0.5).clamp(0.0, (grid - 1) as f32);
            let (x0, tx) = (fx.floor() as usize, fx - fx.floor());
            let x1 = (x0 + 1).min(grid - 1);
            for c in 0..3 {
                let top = at(x0, y0, c) * (1.0 - tx) + at(x1, y0, c) * tx;
                let bottom = at(x0, y1, c) * (1.0 - tx) + at(x1, y1, c) * tx;
                rgba[(py * w + px) * 4 + c] = (top * (1.0 - ty) + bottom * ty).round() as u8;
            }
        }
    }
    let (min, max) = (range.0 as f64, range.1 as f64);
    let scale = SIDE as f64 / (max - min);
    let radius = 3.5f64;
    for (p, test) in points {
        let colour = if classes > 2 { class_colour(p.label.max(0.0) as usize, classes) } else { diverging(p.label as f64) };
        let outline = if *test { [0, 0, 0] } else { [255, 255, 255] };
        let (cx, cy) = ((p.x as f64 - min) * scale, (max - p.y as f64) * scale);
        let (x0, x1) = ((cx - radius - 1.0).floor().max(0.0) as usize, ((cx + radius + 1.0).ceil() as usize).min(SIDE));
        let (y0, y1) = ((cy - radius - 1.0).floor().max(0.0) as usize, ((cy + radius + 1.0).ceil() as usize).min(SIDE));
        for y in y0..y1 {
            for x in x0..x1 {
                let d = ((x as f64 + 0.5 - cx).powi(2) + (y as f64 + 0.5 - cy).powi(2)).sqrt();
                if d <= radius + 0.5 {
                    let c = if d > radius - 0.7 { outline } else { colour };
                    rgba[(y * w + x) * 4..][..3].copy_from_slice(&c);
                }
            }
        }
    }
    write(&mut rgba, w, (8, SIDE + 3), label, 2, [0x22, 0x22, 0x22]);
    rgba
}

/// A frame with the satellite scene's map beside it: `frame` (as [`frame`] draws it) on the
/// left, the network's class of each of the scene's `side` x `side` pixels (`classes`, row by
/// row) scaled to [`SIDE`] on the right, in the classes' colours. `2 SIDE` x (`SIDE` +
/// `STRIP`) RGBA.
pub fn beside_map(frame: &[u8], classes: &[u8], side: usize, k: usize) -> Vec<u8> {
    let (w, h) = (2 * SIDE, SIDE + STRIP);
    let mut rgba = vec![255u8; w * h * 4];
    for y in 0..h {
        rgba[y * w * 4..][..SIDE * 4].copy_from_slice(&frame[y * SIDE * 4..][..SIDE * 4]);
    }
    if side == 0 || classes.len() < side * side {
        return rgba;
    }
    let colours: Vec<[u8; 3]> = (0..k.max(2)).map(|c| class_colour(c, k.max(2))).collect();
    for py in 0..SIDE {
        let row = &classes[py * side / SIDE * side..][..side];
        for px in 0..SIDE {
            let c = colours.get(row[px * side / SIDE] as usize).copied().unwrap_or([0, 0, 0]);
            rgba[(py * w + SIDE + px) * 4..][..3].copy_from_slice(&c);
        }
    }
    rgba
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_labels_can_be_written_and_the_label_is_drawn() {
        assert!(can_write("Epoch 1234.5") && can_write("Época 90"));
        assert!(!can_write("Época ñ"));
        let heat = vec![200u8; 10 * 10 * 4];
        let blank = frame(&heat, 10, &[], (-6.0, 6.0), 2, "");
        let labelled = frame(&heat, 10, &[], (-6.0, 6.0), 2, "Época 7");
        assert_eq!(blank.len(), SIDE * (SIDE + STRIP) * 4);
        assert_eq!(blank[..SIDE * SIDE * 4], labelled[..SIDE * SIDE * 4], "the label stays in its strip");
        assert_ne!(blank, labelled);
        // The plane is the picture, scaled: a uniform picture stays uniform.
        assert!(blank[..SIDE * SIDE * 4].chunks(4).all(|p| p[..3] == [200, 200, 200]));
    }

    #[test]
    fn a_point_is_drawn_where_it_lies_in_its_class_colour() {
        let heat = vec![255u8; 4 * 4 * 4];
        let p = Point { x: 3.0, y: 3.0, label: 1.0 };
        let f = frame(&heat, 4, &[(p, false)], (-6.0, 6.0), 2, "");
        // (3, 3) is three quarters across and a quarter down.
        let (x, y) = (SIDE * 3 / 4, SIDE / 4);
        assert_eq!(f[(y * SIDE + x) * 4..][..3], diverging(1.0));
        assert_eq!(f[(10 * SIDE + 10) * 4..][..3], [255, 255, 255]);
    }

    #[test]
    fn the_map_stands_beside_the_plane_in_its_classes_colours() {
        let plane = frame(&[90u8; 4 * 4 * 4], 4, &[], (-6.0, 6.0), 2, "Época 3");
        // A 2 x 2 map: the left column class 1, the right class 0.
        let both = beside_map(&plane, &[1, 0, 1, 0], 2, 2);
        assert_eq!(both.len(), 2 * SIDE * (SIDE + STRIP) * 4);
        let at = |x: usize, y: usize| both[(y * 2 * SIDE + x) * 4..][..3].to_vec();
        assert_eq!(at(10, 10), plane[(10 * SIDE + 10) * 4..][..3].to_vec(), "the plane on the left");
        assert_eq!(at(SIDE + 10, SIDE - 10), class_colour(1, 2).to_vec());
        assert_eq!(at(2 * SIDE - 10, 10), class_colour(0, 2).to_vec());
    }
}
