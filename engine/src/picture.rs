//! A picture the class paints ("Tu imagen"): any photo or satellite screenshot, scaled down to
//! at most [`MAX_PICTURE_SIDE`] pixels a side, with strokes of 2 to [`MAX_PICTURE_CLASSES`]
//! classes painted on it. The painted pixels are the data (a table whose columns are the
//! pixel's red, green and blue, and optionally its position); the whole picture, classified
//! pixel by pixel, is the map the network makes of it, as land cover is mapped from satellite
//! images. (The painted pixels as a table: table.rs, `Picture::table`.)

use crate::limits::{MAX_PICTURE_CLASSES, MAX_PICTURE_NAME_CHARS, MAX_PICTURE_SIDE};
use crate::Real;

/// The input columns' names: the pixel's red, green and blue (0 to 255), then its place.
pub const COLUMNS: [&str; 5] = ["R", "G", "B", "x", "y"];
/// The predicted column's name, in files (the classes keep the names the class gave them).
pub const LABEL: &str = "class";

/// Why a picture cannot be trained on, or is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureProblem {
    /// Sides of 0 or over [`MAX_PICTURE_SIDE`], or pixels that are not its sides' count.
    Size,
    /// Fewer than 2 or more than [`MAX_PICTURE_CLASSES`] classes, or a name too long.
    Classes,
    /// Class (from 0) has no painted pixel yet.
    Unpainted(usize),
}

/// A picture with the classes painted on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Picture {
    pub width: usize,
    pub height: usize,
    /// Red, green and blue of each pixel, row by row from the top.
    #[serde(with = "serde_bytes")]
    pub rgb: Vec<u8>,
    /// Each pixel's painted class plus one (0: not painted).
    #[serde(with = "serde_bytes")]
    pub paint: Vec<u8>,
    /// The classes' names, as the class named them.
    pub names: Vec<String>,
    /// Whether the pixel's place (x, y) is an input beside its colour.
    pub position: bool,
}

/// The picture as the network classifies it: each pixel's class and each class's share.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PictureMap {
    #[serde(with = "serde_bytes")]
    pub classes: Vec<u8>,
    pub shares: Vec<f64>,
}

impl Picture {
    /// A picture of these pixels (RGB, row by row), nothing painted, with these classes.
    pub fn new(width: usize, height: usize, rgb: Vec<u8>, names: Vec<String>) -> Result<Picture, PictureProblem> {
        let picture = Picture { width, height, paint: vec![0; width * height], rgb, names, position: false };
        picture.check()?;
        Ok(picture)
    }

    /// Whether its sides, pixels, paint and classes hold together within the limits.
    pub fn check(&self) -> Result<(), PictureProblem> {
        let n = self.width * self.height;
        let sides = (1..=MAX_PICTURE_SIDE).contains(&self.width) && (1..=MAX_PICTURE_SIDE).contains(&self.height);
        if !sides || self.rgb.len() != 3 * n || self.paint.len() != n {
            return Err(PictureProblem::Size);
        }
        let k = self.names.len();
        if !(2..=MAX_PICTURE_CLASSES).contains(&k)
            || self.names.iter().any(|n| n.chars().count() > MAX_PICTURE_NAME_CHARS)
            || self.paint.iter().any(|&p| p as usize > k)
        {
            return Err(PictureProblem::Classes);
        }
        Ok(())
    }

    /// Paints a round brush of `radius` pixels along the line from `from` to `to` (pixel
    /// coordinates) with `class`, or rubs the paint out (none).
    pub fn paint_line(&mut self, class: Option<usize>, from: (f64, f64), to: (f64, f64), radius: f64) {
        let value = class.filter(|&c| c < self.names.len()).map_or(0, |c| c as u8 + 1);
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let steps = ((dx * dx + dy * dy).sqrt() / (radius / 2.0).max(0.5)).ceil().clamp(1.0, 4096.0) as usize;
        let r = radius.max(0.5);
        for s in 0..=steps {
            let f = s as f64 / steps as f64;
            let (cx, cy) = (from.0 + dx * f, from.1 + dy * f);
            let rows = ((cy - r).floor().max(0.0) as usize)..=((cy + r).ceil().min(self.height as f64 - 1.0).max(0.0) as usize);
            for y in rows {
                for x in ((cx - r).floor().max(0.0) as usize)..=((cx + r).ceil().min(self.width as f64 - 1.0).max(0.0) as usize) {
                    let (ex, ey) = (x as f64 + 0.5 - cx, y as f64 + 0.5 - cy);
                    if ex * ex + ey * ey <= r * r && x < self.width && y < self.height {
                        self.paint[y * self.width + x] = value;
                    }
                }
            }
        }
    }

    /// The painted pixels of each class.
    pub fn painted(&self) -> Vec<usize> {
        let mut counts = vec![0; self.names.len()];
        self.paint.iter().filter(|&&p| p > 0).for_each(|&p| counts[p as usize - 1] += 1);
        counts
    }

    /// The inputs of the network: the colour, and the place when chosen.
    pub fn dims(&self) -> usize {
        if self.position {
            5
        } else {
            3
        }
    }

    /// Pixel `i`'s inputs in their own units.
    pub(crate) fn inputs_of(&self, i: usize) -> impl Iterator<Item = f64> + '_ {
        let place = [(i % self.width) as f64, (i / self.width) as f64];
        self.rgb[3 * i..3 * i + 3].iter().map(|&v| v as f64).chain(place.into_iter().take(self.dims() - 3))
    }

    /// Each input's range: 0 to 255 for a colour, the picture's side for a place.
    pub(crate) fn ranges(&self) -> Vec<(f64, f64)> {
        let place = [(0.0, (self.width - 1).max(1) as f64), (0.0, (self.height - 1).max(1) as f64)];
        vec![(0.0, 255.0); 3].into_iter().chain(place.into_iter().take(self.dims() - 3)).collect()
    }

    /// Every pixel classified by `network` (which reads this picture's inputs).
    pub fn map(&self, network: &crate::Network) -> Option<PictureMap> {
        let dims = self.dims();
        if network.layers.first()?.n_in != dims || self.check().is_err() {
            return None;
        }
        let ranges = self.ranges();
        let scale = |v: f64, (lo, hi): (f64, f64)| (2.0 * (v - lo) / (hi - lo) - 1.0) as Real;
        let (n, k) = (self.width * self.height, self.names.len());
        let mut classes = Vec::with_capacity(n);
        let mut workspace = crate::network::Workspace::default();
        const CHUNK: usize = 4096;
        for start in (0..n).step_by(CHUNK) {
            let m = CHUNK.min(n - start);
            let rows: Vec<Real> = (start..start + m).flat_map(|i| self.inputs_of(i).zip(&ranges).map(|(v, r)| scale(v, *r)).collect::<Vec<_>>()).collect();
            let inputs = crate::features::rows_matrix(&rows, dims);
            network.forward(&inputs, m, &mut workspace, None);
            let out = network.output();
            let values = &workspace.a[network.layers.len() - 1][..out.n_out * m];
            classes.extend((0..m).map(|s| crate::predict::predicted_class(out.activation, values, m, s).min(k - 1) as u8));
        }
        let mut counts = vec![0usize; k];
        classes.iter().for_each(|&c| counts[c as usize] += 1);
        Some(PictureMap { classes, shares: counts.iter().map(|&c| c as f64 / n.max(1) as f64).collect() })
    }
}

/// The picture the class painted that `config`'s data are, if they are.
pub fn picture_of(config: &crate::Config) -> Option<&Picture> {
    config.data.table.as_ref().filter(|_| config.data.dataset == crate::Dataset::Table)?.picture.as_deref()
}

/// The satellite scene in true colour (its seed's), as a picture to paint on when no photo is
/// at hand.
pub fn scene_picture(seed: u64, names: Vec<String>) -> Picture {
    use crate::satellite::{Scene, SIDE};
    let scene = Scene::generate(0.0, &mut crate::rng::Rng::new(seed));
    let byte = |v: f32| (v * 2.6 * 255.0).round().clamp(0.0, 255.0) as u8;
    let rgb = scene.bands.iter().flat_map(|b| [byte(b.red), byte(b.green), byte(b.blue)]).collect();
    Picture::new(SIDE, SIDE, rgb, names).expect("the scene fits a picture")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Dataset, Trainer};

    fn names(k: usize) -> Vec<String> {
        ["agua", "vegetación", "suelo", "nubes"][..k].iter().map(|s| s.to_string()).collect()
    }

    /// Left half blue water, right half green vegetation, 40 x 20.
    fn halves() -> Picture {
        let (w, h) = (40, 20);
        let rgb = (0..w * h).flat_map(|i| if i % w < w / 2 { [20, 60, 200] } else { [40, 180, 50] }).collect();
        Picture::new(w, h, rgb, names(2)).expect("a picture")
    }

    #[test]
    fn pictures_outside_the_limits_are_refused() {
        assert_eq!(Picture::new(0, 10, Vec::new(), names(2)), Err(PictureProblem::Size));
        assert_eq!(Picture::new(MAX_PICTURE_SIDE + 1, 1, vec![0; 3 * (MAX_PICTURE_SIDE + 1)], names(2)), Err(PictureProblem::Size));
        assert_eq!(Picture::new(2, 2, vec![0; 11], names(2)), Err(PictureProblem::Size));
        assert_eq!(Picture::new(2, 2, vec![0; 12], names(1)), Err(PictureProblem::Classes));
        assert_eq!(Picture::new(2, 2, vec![0; 12], vec!["a".into(); MAX_PICTURE_CLASSES + 1]), Err(PictureProblem::Classes));
        let mut p = Picture::new(2, 2, vec![0; 12], names(2)).expect("a picture");
        p.paint[0] = 3;
        assert_eq!(p.check(), Err(PictureProblem::Classes), "paint of a class it does not have");
    }

    #[test]
    fn painting_marks_a_disc_and_the_eraser_rubs_it_out() {
        let mut p = halves();
        p.paint_line(Some(0), (5.0, 5.0), (5.0, 5.0), 2.0);
        let painted = p.painted();
        assert!((9..=16).contains(&painted[0]), "a disc of radius 2 covers about 12 pixels: {painted:?}");
        assert_eq!(painted[1], 0);
        // A line is painted all along, within the picture only.
        p.paint_line(Some(1), (30.0, -5.0), (30.0, 30.0), 1.0);
        assert!(p.painted()[1] >= 20);
        p.paint_line(None, (5.0, 5.0), (5.0, 5.0), 3.0);
        assert_eq!(p.painted()[0], 0);
        assert!(p.check().is_ok());
    }

    #[test]
    fn the_painted_pixels_are_the_data_and_every_class_must_be_painted() {
        let mut p = halves();
        p.paint_line(Some(0), (3.0, 3.0), (10.0, 15.0), 2.0);
        assert_eq!(p.table(), Err(PictureProblem::Unpainted(1)));
        p.paint_line(Some(1), (30.0, 3.0), (35.0, 15.0), 2.0);
        let t = p.table().expect("a table");
        assert_eq!(t.dims(), 3);
        assert_eq!(t.labels.len(), p.painted().iter().sum::<usize>());
        // Water pixels are labelled −1 (class 0) and read blue.
        let first = t.labels.iter().position(|&l| l < 0.0).expect("water");
        assert_eq!(&t.rows[3 * first..3 * first + 3], &[20.0, 60.0, 200.0]);
        p.position = true;
        let t = p.table().expect("a table");
        assert_eq!((t.dims(), t.ranges[3], t.ranges[4]), (5, (0.0, 39.0), (0.0, 19.0)));
    }

    #[test]
    fn a_network_trained_on_the_strokes_maps_the_whole_picture() {
        let mut p = halves();
        p.paint_line(Some(0), (3.0, 3.0), (3.0, 16.0), 1.5);
        p.paint_line(Some(1), (36.0, 3.0), (36.0, 16.0), 1.5);
        let mut c = Config::default();
        c.apply(crate::edit::Edit::Table(Box::new(p.table().expect("a table"))));
        assert_eq!(c.data.dataset, Dataset::Table);
        c.validate().expect("a valid setup");
        let mut t = Trainer::new(c).expect("a run");
        for _ in 0..60 {
            t.step().expect("an epoch");
        }
        let m = p.map(&t.network).expect("a map");
        assert_eq!(m.classes.len(), 800);
        let right = (0..800).filter(|&i| m.classes[i] as usize == usize::from(i % 40 >= 20)).count();
        assert!(right >= 790, "the halves are told apart: {right} of 800");
        assert!((m.shares[0] - 0.5).abs() < 0.02 && (m.shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // A network of other inputs maps nothing.
        p.position = true;
        assert!(p.map(&t.network).is_none());
    }

    #[test]
    fn the_scene_is_a_picture_to_paint_on() {
        let p = scene_picture(7, names(4));
        assert_eq!((p.width, p.height, p.names.len()), (128, 128, 4));
        assert!(p.check().is_ok());
        assert_eq!(p.painted(), vec![0; 4]);
    }
}
