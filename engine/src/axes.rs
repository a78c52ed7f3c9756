//! The axes of the user's data in its own units (hours, marks, metres): their names and the
//! ranges the plane shows. The network sees every coordinate scaled so that the range fills
//! the playground's plane, -6 to 6, which is where its weights, initialisation and learning
//! rates are made to work: data in any units trains as well as the built-in sets.

use super::data::Point;
use super::Real;
use serde::{Deserialize, Serialize};

/// Half the width of the plane the network sees.
pub const PLANE: Real = 6.0;
/// The largest coordinate a point may have, in its own units.
pub const MAX_COORDINATE: f64 = 1e9;
/// The longest axis name kept.
pub const MAX_NAME_CHARS: usize = 40;

/// One axis: its name (empty for the plane's own X₁ or X₂) and the range the plane shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Axis {
    /// What the coordinate measures, as the data's header named it.
    pub name: String,
    /// The value at the plane's left (or bottom) edge.
    pub min: Real,
    /// The value at the plane's right (or top) edge.
    pub max: Real,
}

impl Default for Axis {
    fn default() -> Self {
        Axis { name: String::new(), min: -PLANE, max: PLANE }
    }
}

impl Axis {
    /// The range [min, max] to which a value is held.
    pub fn span(&self) -> Real {
        self.max - self.min
    }

    /// A value in the axis's units as the network sees it, on [-6, 6].
    #[inline]
    pub fn to_plane(&self, v: Real) -> Real {
        if self.is_plane() {
            return v;
        }
        (v - self.min) / self.span() * (2.0 * PLANE) - PLANE
    }

    /// A coordinate of the plane in the axis's units.
    #[inline]
    pub fn from_plane(&self, p: Real) -> Real {
        if self.is_plane() {
            return p;
        }
        self.min + (p + PLANE) / (2.0 * PLANE) * self.span()
    }

    /// Its name, or `plain` where it has none.
    pub fn name_or(&self, plain: &str) -> String {
        if self.name.is_empty() {
            plain.to_string()
        } else {
            self.name.clone()
        }
    }

    /// Whether this is the plane's own axis, -6 to 6.
    pub fn is_plane(&self) -> bool {
        self.min == -PLANE && self.max == PLANE
    }

    /// The precision kept for coordinates on this axis: a power of ten near a thousandth of
    /// the range (0.01 on the plane's own axis).
    pub fn step(&self) -> f64 {
        let span = (self.span() as f64).max(1e-9);
        10f64.powf((span / 1000.0).log10().floor())
    }

    /// The number of decimals that `step` keeps.
    pub fn decimals(&self) -> usize {
        (-self.step().log10()).round().max(0.0) as usize
    }

    /// `v` held to the range and rounded to the precision kept.
    pub fn fit(&self, v: Real) -> Real {
        let step = self.step();
        let v = (v as f64).clamp(self.min as f64, self.max as f64);
        ((v / step).round() * step) as Real
    }

    /// `v` written with the decimals this axis keeps, without trailing zeros.
    pub fn format(&self, v: Real) -> String {
        let t = format!("{:.*}", self.decimals(), v);
        let t = if t.contains('.') { t.trim_end_matches('0').trim_end_matches('.').to_string() } else { t };
        if t == "-0" {
            "0".to_string()
        } else {
            t
        }
    }

    /// Whether the range is one the page can show: finite, increasing, within
    /// [`MAX_COORDINATE`], and wide enough for the precision of the numbers it holds.
    pub fn is_valid(&self) -> bool {
        let (lo, hi) = (self.min as f64, self.max as f64);
        lo.is_finite()
            && hi.is_finite()
            && lo.abs() <= MAX_COORDINATE
            && hi.abs() <= MAX_COORDINATE
            && hi - lo >= 1e-6f64.max(lo.abs().max(hi.abs()) * 1e-4)
            && self.name.chars().count() <= MAX_NAME_CHARS
    }

    /// The range that shows `values` with a margin of a twentieth on each side, its ends
    /// rounded out to a round number. Values that already fill most of the plane keep it.
    pub fn around(name: &str, values: impl Iterator<Item = Real> + Clone) -> Axis {
        let name: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
        let lo = values.clone().fold(f64::INFINITY, |a, v| a.min(v as f64));
        let hi = values.fold(f64::NEG_INFINITY, |a, v| a.max(v as f64));
        if !lo.is_finite() || !hi.is_finite() {
            return Axis { name, ..Axis::default() };
        }
        let plane = PLANE as f64;
        if lo >= -plane && hi <= plane && hi - lo > plane {
            return Axis { name, ..Axis::default() };
        }
        let span = (hi - lo).max(lo.abs().max(hi.abs()) * 0.01).max(1e-3);
        let step = nice_step(span / 20.0);
        let min = ((lo - span / 20.0) / step).floor() * step;
        let max = ((hi + span / 20.0) / step).ceil() * step;
        Axis { name, min: min as Real, max: max as Real }
    }

    /// Round values within the range at which to label the axis, five to eight of them.
    pub fn ticks(&self) -> Vec<Real> {
        let (lo, hi) = (self.min as f64, self.max as f64);
        let step = if self.is_plane() { 2.0 } else { nice_step((hi - lo) / 7.0) };
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).take(20).map(|k| (k as f64 * step) as Real).collect()
    }

    /// A tick's label, short enough for the axis: thousands as `k`, millions as `M`.
    pub fn tick_label(&self, v: Real) -> String {
        let (lo, hi) = (self.min as f64, self.max as f64);
        let step = if self.is_plane() { 2.0 } else { nice_step((hi - lo) / 7.0) };
        let v = v as f64;
        let (scaled, step, suffix) = match v.abs().max(lo.abs()).max(hi.abs()) {
            m if m >= 1e6 => (v / 1e6, step / 1e6, "M"),
            m if m >= 1e4 => (v / 1e3, step / 1e3, "k"),
            _ => (v, step, ""),
        };
        let decimals = (-step.log10().floor()).max(0.0) as usize;
        let t = format!("{scaled:.decimals$}");
        let t = if t.starts_with('-') && t[1..].chars().all(|c| c == '0' || c == '.') { t[1..].to_string() } else { t };
        format!("{t}{suffix}").replace('-', "−")
    }
}

/// The round number (1, 2 or 5 times a power of ten) nearest above `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = raw.max(1e-12);
    let power = 10f64.powf(raw.log10().floor());
    let m = raw / power;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Both axes of the user's data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Axes {
    /// The first coordinate, X₁.
    pub x: Axis,
    /// The second coordinate, X₂.
    pub y: Axis,
}

impl Axes {
    /// Axes that show `points`, named by `names` (a CSV header's first two columns).
    pub fn around(points: &[Point], names: (&str, &str)) -> Axes {
        Axes { x: Axis::around(names.0, points.iter().map(|p| p.x)), y: Axis::around(names.1, points.iter().map(|p| p.y)) }
    }

    /// Whether both are the plane's own unnamed axes.
    pub fn is_plane(&self) -> bool {
        self.x.is_plane() && self.y.is_plane() && self.x.name.is_empty() && self.y.name.is_empty()
    }

    /// A point in its own units as the network sees it.
    pub fn to_plane(&self, p: &Point) -> Point {
        Point { x: self.x.to_plane(p.x), y: self.y.to_plane(p.y), label: p.label }
    }

    /// A point of the plane in the data's units.
    pub fn from_plane(&self, x: Real, y: Real) -> (Real, Real) {
        (self.x.from_plane(x), self.y.from_plane(y))
    }
}

impl Axes {
    /// The axes of the pass-or-fail set, in its own units: hours of study (0 to 12) and the
    /// previous grade (40 to 100), each with a margin; named in English (the page names them
    /// in its language).
    pub fn pass_fail() -> Axes {
        Axes { x: Axis { name: "hours of study".into(), min: -1.0, max: 13.0 }, y: Axis { name: "previous grade".into(), min: 35.0, max: 105.0 } }
    }

    /// The axes of a satellite scene's pixels, in reflectance (0 to 0.75): the red band (x)
    /// and the near-infrared (y); named in English (the page names them in its language).
    pub fn reflectance() -> Axes {
        Axes { x: Axis { name: "red".into(), min: 0.0, max: 0.75 }, y: Axis { name: "near-infrared".into(), min: 0.0, max: 0.75 } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_units_fill_the_plane_with_a_margin() {
        let points: Vec<Point> = [(0.0, 50.0), (12.0, 100.0), (6.0, 75.0)].iter().map(|&(x, y)| Point { x, y, label: 1.0 }).collect();
        let axes = Axes::around(&points, ("hours", "grade"));
        assert_eq!(axes.x.name, "hours");
        assert!(axes.x.min < 0.0 && axes.x.min >= -2.0 && axes.x.max > 12.0 && axes.x.max <= 14.0, "{:?}", axes.x);
        assert!(axes.y.min < 50.0 && axes.y.min >= 40.0 && axes.y.max > 100.0 && axes.y.max <= 110.0, "{:?}", axes.y);
        for p in &points {
            let q = axes.to_plane(p);
            assert!(q.x.abs() < 6.0 && q.y.abs() < 6.0, "{q:?}");
            assert!(q.x.abs() > 4.0 || (p.x - 6.0).abs() < 1e-6, "the data should fill the plane: {q:?}");
            let (x, y) = axes.from_plane(q.x, q.y);
            assert!((x - p.x).abs() < 1e-4 && (y - p.y).abs() < 1e-3);
        }
    }

    #[test]
    fn data_that_fills_the_plane_keeps_it() {
        let points: Vec<Point> = [(-5.0, -4.5), (5.5, 4.0)].iter().map(|&(x, y)| Point { x, y, label: 1.0 }).collect();
        let axes = Axes::around(&points, ("", ""));
        assert!(axes.is_plane());
        assert_eq!(axes.to_plane(&points[0]), points[0]);
        // Small data in the middle of the plane is spread over it.
        let small: Vec<Point> = [(0.1, 0.2), (0.9, 0.7)].iter().map(|&(x, y)| Point { x, y, label: 1.0 }).collect();
        let axes = Axes::around(&small, ("", ""));
        assert!(axes.x.span() < 2.0, "{:?}", axes.x);
    }

    #[test]
    fn precision_and_ticks_follow_the_range() {
        assert_eq!(Axis::default().step(), 0.01);
        assert_eq!(Axis::default().ticks(), vec![-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
        let grade = Axis { name: "grade".into(), min: 45.0, max: 105.0 };
        assert_eq!(grade.fit(73.456), 73.46);
        assert_eq!(grade.fit(200.0), 105.0);
        assert_eq!(grade.format(73.0), "73");
        let t = grade.ticks();
        assert!(t.len() >= 4 && t.len() <= 8 && t.iter().all(|v| *v >= 45.0 && *v <= 105.0), "{t:?}");
        let tiny = Axis { name: String::new(), min: 0.0, max: 0.002 };
        assert!(tiny.is_valid());
        assert!(tiny.ticks().len() >= 3);
        assert!(!Axis { name: String::new(), min: 1e9, max: 1e9 + 1.0 }.is_valid());
        assert!(!Axis { name: String::new(), min: 3.0, max: 3.0 }.is_valid());
        assert_eq!(grade.tick_label(60.0), "60");
        assert_eq!(Axis { name: String::new(), min: 0.0, max: 0.002 }.tick_label(0.0015), "0.0015");
        assert_eq!(Axis { name: String::new(), min: 0.0, max: 300000.0 }.tick_label(150000.0), "150k");
        assert_eq!(Axis::default().tick_label(-4.0), "−4");
        // A single value gets a range around it.
        let one = Axis::around("", [7.0 as Real].into_iter());
        assert!(one.is_valid() && one.min < 7.0 && one.max > 7.0, "{one:?}");
    }
}
