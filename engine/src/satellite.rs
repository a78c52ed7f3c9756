//! A satellite scene and its pixels: reflectance in Sentinel-2's red band (B4, 665 nm) and its
//! near-infrared band (B8, 842 nm, invisible to the eye), with the blue (B2, 490 nm) and green
//! (B3, 560 nm) bands for the picture as the eye sees it.
//!
//! The surfaces' reflectances are drawn from their typical ranges (reflectance 0 to 1) as the
//! USGS Spectral Library Version 7 (Kokaly et al., 2017, U.S. Geological Survey Data Series
//! 1035) and ESA's Sentinel-2 User Handbook (2015) describe them at those wavelengths:
//!
//! | surface | blue | green | red (B4) | near-infrared (B8) |
//! | --- | --- | --- | --- | --- |
//! | clear water | 0.05 to 0.08 | 0.04 to 0.07 | 0.01 to 0.05 | 0.00 to 0.03 |
//! | green vegetation | 0.02 to 0.05 | 0.05 to 0.10 | 0.02 to 0.10 | 0.22 to 0.50 |
//! | bare soil, built-up | 0.08 to 0.22 | 0.10 to 0.26 | 0.10 to 0.30 | 0.14 to 0.38, about 1.15 x red + 0.03 (the soil line) |
//! | cloud | 0.45 to 0.70 | 0.45 to 0.70 | 0.45 to 0.70 | 0.45 to 0.72 |
//!
//! Water is dark in both bands; green vegetation absorbs red light (chlorophyll) and reflects
//! near-infrared strongly (its leaves' cells), so that in red alone it looks like water, and
//! NDVI = (NIR − red) / (NIR + red) is above about 0.35 for it and below 0.2 for the rest: a
//! line through the origin of the (red, NIR) plane. Soil lies along the soil line, where both
//! grow together; clouds are bright in both.
//!
//! The scene is 128 x 128 pixels: fields of crops at different greenness and bare fields in
//! parcels, a lake and a river, a town, a few clouds; pixels on a border between two surfaces
//! are mixed (part of each, labelled by the larger part). Everything follows from the data's
//! seed and noise (the slider's 0 to 0.5 widens each surface's spread).

use super::rng::Rng;
use super::Point;
use super::Real;

/// The scene's side, in pixels.
pub const SIDE: usize = 128;
/// The pixels of the scene drawn as the data set's points.
pub const POINTS: usize = 500;

/// What covers a pixel: the four classes of `classes=4`, in their label order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cover {
    /// A lake or a river.
    Water = 0,
    /// Crops, meadows, trees.
    Vegetation = 1,
    /// Bare fields and the town.
    Soil = 2,
    /// Clouds.
    Cloud = 3,
}

impl Cover {
    /// Every cover, in label order.
    pub const ALL: [Cover; 4] = [Cover::Water, Cover::Vegetation, Cover::Soil, Cover::Cloud];

    /// The point's label with `classes` classes: vegetation (1) against the rest (−1) for two;
    /// water, vegetation and the rest (0, 1, 2) for three; each cover its own for four.
    pub fn label(self, classes: usize) -> Real {
        match classes {
            0..=2 => {
                if self == Cover::Vegetation {
                    1.0
                } else {
                    -1.0
                }
            }
            3 => (self as usize).min(2) as Real,
            _ => self as usize as Real,
        }
    }

    /// The class of a label with `classes` classes (the inverse of [`Cover::label`]).
    pub fn class_of(self, classes: usize) -> usize {
        match classes {
            0..=2 => (self == Cover::Vegetation) as usize,
            3 => (self as usize).min(2),
            _ => self as usize,
        }
    }
}

/// A pixel's reflectance in the four bands.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bands {
    pub blue: f32,
    pub green: f32,
    pub red: f32,
    pub nir: f32,
}

impl Bands {
    fn mix(self, other: Bands, f: f32) -> Bands {
        let m = |a: f32, b: f32| a * (1.0 - f) + b * f;
        Bands { blue: m(self.blue, other.blue), green: m(self.green, other.green), red: m(self.red, other.red), nir: m(self.nir, other.nir) }
    }

    /// The normalized difference vegetation index, (NIR − red) / (NIR + red).
    pub fn ndvi(self) -> f32 {
        (self.nir - self.red) / (self.nir + self.red).max(1e-6)
    }
}

/// A scene: each pixel's cover and reflectance, row by row from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub cover: Vec<Cover>,
    pub bands: Vec<Bands>,
}

/// A surface's reflectance, drawn from its typical range; `spread` widens it (1 with no
/// noise). `greenness` (0 to 1) is a field's: how dense and green its crop is.
fn draw(cover: Cover, greenness: f64, town: bool, spread: f64, rng: &mut Rng) -> Bands {
    let n = |rng: &mut Rng, sd: f64| sd * spread * rng.normal();
    let clamp = |v: f64| v.clamp(0.0, 1.0) as f32;
    match cover {
        Cover::Water => {
            let (red, nir) = (0.03 + n(rng, 0.008), 0.015 + n(rng, 0.006));
            Bands { blue: clamp(0.065 + n(rng, 0.008)), green: clamp(0.055 + n(rng, 0.008)), red: clamp(red), nir: clamp(nir) }
        }
        Cover::Vegetation => {
            let red = 0.09 - 0.06 * greenness + n(rng, 0.008);
            let nir = 0.24 + 0.24 * greenness + n(rng, 0.025);
            Bands { blue: clamp(0.035 + n(rng, 0.006)), green: clamp(0.06 + 0.03 * greenness + n(rng, 0.008)), red: clamp(red), nir: clamp(nir) }
        }
        Cover::Soil => {
            let red = if town { rng.uniform(0.10, 0.26) } else { rng.uniform(0.12, 0.30) } + n(rng, 0.01);
            let nir = 1.15 * red + 0.03 + n(rng, if town { 0.03 } else { 0.015 });
            Bands { blue: clamp(0.72 * red + n(rng, 0.01)), green: clamp(0.85 * red + n(rng, 0.01)), red: clamp(red), nir: clamp(nir) }
        }
        Cover::Cloud => {
            let v = rng.uniform(0.45, 0.70);
            let g = |rng: &mut Rng| clamp(v + n(rng, 0.01));
            Bands { blue: g(rng), green: g(rng), red: g(rng), nir: clamp(v * 1.02 + n(rng, 0.015)) }
        }
    }
}

impl Scene {
    /// The scene of a seed's stream, with `noise` (0 to 0.5) widening each surface's spread.
    pub fn generate(noise: f64, rng: &mut Rng) -> Scene {
        let spread = 1.0 + 4.0 * noise;
        let (s, f) = (SIDE, SIDE as f64);
        // Parcels of fields, 16 pixels a side, each a crop of its own greenness or bare.
        let parcels: Vec<(bool, f64)> = (0..64).map(|_| (rng.unit() < 0.7, rng.unit())).collect();
        // A lake, a river that winds across from top to bottom, a town, and a few clouds.
        let lake = (rng.uniform(0.25, 0.75) * f, rng.uniform(0.55, 0.8) * f, rng.uniform(30.0, 36.0), rng.uniform(24.0, 30.0));
        let river = (rng.uniform(0.2, 0.8) * f, rng.uniform(8.0, 14.0), rng.uniform(24.0, 40.0), rng.uniform(2.5, 3.5));
        let town = (rng.uniform(0.1, 0.6) * f, rng.uniform(0.05, 0.3) * f, rng.uniform(18.0, 24.0));
        let clouds: Vec<(f64, f64, f64)> = (0..3).map(|_| (rng.unit() * f, rng.unit() * f, rng.uniform(6.0, 11.0))).collect();
        let cover_at = |x: f64, y: f64| -> (Cover, bool, usize) {
            let parcel = (y as usize / 16) * 8 + x as usize / 16;
            if clouds.iter().any(|&(cx, cy, r)| (x - cx).powi(2) + (y - cy).powi(2) < r * r) {
                return (Cover::Cloud, false, parcel);
            }
            let (lx, ly, rx, ry) = lake;
            let river_x = river.0 + river.1 * (y / river.2).sin();
            if ((x - lx) / rx).powi(2) + ((y - ly) / ry).powi(2) < 1.0 || (x - river_x).abs() < river.3 {
                return (Cover::Water, false, parcel);
            }
            if (x - town.0).abs() < town.2 && (y - town.1).abs() < town.2 {
                return (Cover::Soil, true, parcel);
            }
            (if parcels[parcel].0 { Cover::Vegetation } else { Cover::Soil }, false, parcel)
        };
        let mut cover = Vec::with_capacity(s * s);
        let mut pure = Vec::with_capacity(s * s);
        for y in 0..s {
            for x in 0..s {
                let (c, is_town, parcel) = cover_at(x as f64 + 0.5, y as f64 + 0.5);
                cover.push(c);
                pure.push(draw(c, parcels[parcel].1, is_town, spread, rng));
            }
        }
        // A pixel on a border sees part of its neighbour's surface (less than half: it is
        // labelled by its own).
        let mut bands = pure.clone();
        for y in 0..s {
            for x in 0..s {
                let i = y * s + x;
                let neighbours = [(x + 1, y), (x, y + 1), (x.wrapping_sub(1), y), (x, y.wrapping_sub(1))];
                if let Some(&(nx, ny)) = neighbours.iter().find(|&&(nx, ny)| nx < s && ny < s && cover[ny * s + nx] != cover[i]) {
                    bands[i] = pure[i].mix(pure[ny * s + nx], rng.uniform(0.0, 0.45) as f32);
                }
            }
        }
        // Kept to a ten-thousandth, as Sentinel-2's surface reflectance products store it
        // (whole numbers of 1/10,000): the data exported and read back is the data trained on.
        let step = |v: f32| (v * 10_000.0).round() / 10_000.0;
        let bands = bands.into_iter().map(|b| Bands { blue: step(b.blue), green: step(b.green), red: step(b.red), nir: step(b.nir) }).collect();
        Scene { cover, bands }
    }

    /// The data set: [`POINTS`] pixels drawn from the scene, at (red, NIR) in reflectance,
    /// labelled with `classes` classes.
    pub fn points(&self, classes: usize, rng: &mut Rng) -> Vec<Point> {
        (0..POINTS)
            .map(|_| {
                let i = rng.below(self.cover.len());
                let b = self.bands[i];
                Point { x: b.red as Real, y: b.nir as Real, label: self.cover[i].label(classes) }
            })
            .collect()
    }

    /// Each cover's share of the scene's pixels, in [`Cover::ALL`]'s order.
    pub fn shares(&self) -> [f64; 4] {
        let mut counts = [0usize; 4];
        self.cover.iter().for_each(|&c| counts[c as usize] += 1);
        counts.map(|n| n as f64 / self.cover.len() as f64)
    }
}

/// A scene as the network maps it: each pixel's bands (for the pictures as the eye and as
/// remote sensing see it, and a pixel's readout), the class the network gives it, each class's
/// share of the scene and the map's agreement with the scene's true classes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SceneMap {
    /// Blue, green, red and near-infrared reflectance per pixel, row by row, each as a byte:
    /// reflectance x 255 / [`BYTE_SCALE`].
    #[serde(with = "serde_bytes")]
    pub bands: Vec<u8>,
    /// The class the network gives each pixel.
    #[serde(with = "serde_bytes")]
    pub classes: Vec<u8>,
    /// Each class's share of the scene's pixels, as the network maps it.
    pub shares: Vec<f64>,
    /// The share of pixels the network gives their true class.
    pub accuracy: f64,
}

/// The reflectance a byte of [`SceneMap::bands`] reaches at 255.
pub const BYTE_SCALE: f32 = 0.75;

impl SceneMap {
    /// Pixel `i`'s reflectance: blue, green, red, near-infrared.
    pub fn pixel(&self, i: usize) -> Option<[f32; 4]> {
        let b = self.bands.get(4 * i..4 * i + 4)?;
        Some([0, 1, 2, 3].map(|k| b[k] as f32 / 255.0 * BYTE_SCALE))
    }
}

/// The scene of `config`'s data (its seed and noise) mapped by `network`; none for another
/// data set.
pub fn map_scene(network: &super::network::Network, config: &super::Config) -> Option<SceneMap> {
    if config.data.dataset != super::Dataset::Satellite {
        return None;
    }
    let scene = Scene::generate(config.data.noise as f64 / 100.0, &mut Rng::new(config.data.seed));
    let axes = super::axes::Axes::reflectance();
    let plane: Vec<(Real, Real)> = scene
        .bands
        .iter()
        .map(|b| {
            let p = axes.to_plane(&Point { x: b.red as Real, y: b.nir as Real, label: 0.0 });
            (p.x, p.y)
        })
        .collect();
    let inputs = super::features::feature_matrix(config.network.inputs(), plane.iter().copied());
    let n = plane.len();
    let mut workspace = super::network::Workspace::default();
    network.forward(&inputs, n, &mut workspace, None);
    let out = network.output();
    let values = &workspace.a[network.layers.len() - 1][..out.n_out * n];
    let k = config.data.classes.max(2);
    let classes: Vec<u8> = (0..n).map(|s| super::predict::predicted_class(out.activation, values, n, s).min(k - 1) as u8).collect();
    let mut counts = vec![0usize; k];
    classes.iter().for_each(|&c| counts[c as usize] += 1);
    let right = classes.iter().zip(&scene.cover).filter(|(c, cover)| **c as usize == cover.class_of(k)).count();
    let byte = |v: f32| (v / BYTE_SCALE * 255.0).round().clamp(0.0, 255.0) as u8;
    Some(SceneMap {
        bands: scene.bands.iter().flat_map(|b| [b.blue, b.green, b.red, b.nir].map(byte)).collect(),
        classes,
        shares: counts.iter().map(|&c| c as f64 / n as f64).collect(),
        accuracy: right as f64 / n as f64,
    })
}
