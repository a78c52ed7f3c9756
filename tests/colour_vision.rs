//! The class colours stay apart for people with colour-vision deficiencies: simulated with
//! Machado, Oliveira and Fernandes's (2009) matrices at full severity, every pair of classes
//! differs by at least 20 in CIELAB (ΔE*ab) for 3 and 4 classes; two classes keep
//! TensorFlow Playground's orange and blue.

use neurona::render::colour::{class_colour, BLUE, ORANGE};

const PROTAN: [[f64; 3]; 3] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const DEUTAN: [[f64; 3]; 3] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const TRITAN: [[f64; 3]; 3] = [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];
const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

fn linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// The colour as seen through `m`, in linear RGB.
fn seen(rgb: [u8; 3], m: &[[f64; 3]; 3]) -> [f64; 3] {
    let l = rgb.map(linear);
    [0, 1, 2].map(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0))
}

fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (a, b) = (lab(a), lab(b));
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[test]
fn class_colours_stay_apart_under_every_colour_vision_deficiency() {
    for k in [3, 4] {
        for (vision, m) in [("normal", NORMAL), ("protanopia", PROTAN), ("deuteranopia", DEUTAN), ("tritanopia", TRITAN)] {
            for a in 0..k {
                for b in a + 1..k {
                    let d = delta_e(seen(class_colour(a, k), &m), seen(class_colour(b, k), &m));
                    assert!(d >= 20.0, "{k} classes, {vision}: classes {a} and {b} differ by ΔE {d:.1}");
                }
            }
        }
    }
}

#[test]
fn the_ten_digits_colours_differ_to_the_eye() {
    for a in 0..10 {
        for b in a + 1..10 {
            let d = delta_e(seen(class_colour(a, 10), &NORMAL), seen(class_colour(b, 10), &NORMAL));
            assert!(d >= 15.0, "classes {a} and {b} differ by ΔE {d:.1}");
        }
    }
}

#[test]
fn two_classes_keep_tensorflow_playgrounds_orange_and_blue() {
    assert_eq!((class_colour(0, 2), class_colour(1, 2)), (ORANGE, BLUE));
    // They too stay apart under each deficiency.
    for m in [PROTAN, DEUTAN, TRITAN] {
        assert!(delta_e(seen(ORANGE, &m), seen(BLUE, &m)) >= 20.0);
    }
}

#[test]
fn the_simulation_tells_apart_what_it_should_not() {
    // The palette this replaced: classes 0 and 3 both read as blue under deuteranopia.
    let old = [[0x08, 0x77, 0xbd], [0xf5, 0x93, 0x22], [0x2c, 0xa0, 0x2c], [0x94, 0x67, 0xbd]];
    let worst =
        (0..4).flat_map(|a| (a + 1..4).map(move |b| (a, b))).map(|(a, b)| delta_e(seen(old[a], &DEUTAN), seen(old[b], &DEUTAN))).fold(f64::INFINITY, f64::min);
    assert!(worst < 20.0, "the old palette's closest pair under deuteranopia: ΔE {worst:.1}");
}
