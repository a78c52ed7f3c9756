//! What the worker computes from the run for a view the settings open, beside the pictures:
//! the kinds a view can ask for ([`Derive`]), the one function that computes each in the
//! worker ([`Derive::compute`]), and the answers ([`Derived`]) the page keeps with the run it
//! shows ([`Answers`]). A new view of this kind is a variant of each enum, its engine function
//! and its panel.

use crate::engine::landscape::Parameters;
use crate::engine::landscape::{Landscape, Plane};
use crate::engine::picture::{picture_of, PictureMap};
use crate::engine::satellite::{map_scene, SceneMap};
use crate::engine::space::{layer_space, layer_space_of_rows, LayerSpace};
use crate::engine::table_plane::TablePlane;
use crate::engine::Trainer;
use crate::settings::Settings;
use serde::{Deserialize, Serialize};

/// Most kinds asked at once.
const MOST_ASKED: usize = 5;

/// What a view asks the worker to compute from the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Derive {
    /// The plane as a hidden layer (network layer from 0) sees it.
    Space(usize),
    /// The loss landscape over a plane of weights, with the run's path on it.
    Landscape(Plane),
    /// The satellite scene as the network maps it.
    Scene,
    /// The class's own picture as the network maps it.
    Picture,
    /// A table's plane of two input columns, the others at their mean.
    TablePlane([usize; 2]),
}

/// What the worker computed for a [`Derive`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Derived {
    Space(LayerSpace),
    Landscape(Box<Landscape>),
    Scene(Box<SceneMap>),
    Picture(Box<PictureMap>),
    TablePlane(Box<TablePlane>),
}

/// The kinds the settings ask for, in a fixed order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked([Option<Derive>; MOST_ASKED]);

impl Asked {
    /// What the open views of `settings` ask for.
    pub fn of(settings: &Settings) -> Asked {
        let scene = settings.maps_scene().then_some(Derive::Scene);
        let picture = picture_of(&settings.config).is_some().then_some(Derive::Picture);
        let plane = table_plane_of(settings).map(Derive::TablePlane);
        let space = settings.space.and_then(crate::engine::LayerNo::index).map(Derive::Space);
        Asked::new([space, settings.landscape.map(Derive::Landscape), scene, picture, plane].into_iter().flatten())
    }

    /// These kinds (the first few, if more are given than can be asked at once).
    pub fn new(kinds: impl IntoIterator<Item = Derive>) -> Asked {
        let mut asked = Asked::default();
        for (slot, d) in asked.0.iter_mut().zip(kinds) {
            *slot = Some(d);
        }
        asked
    }

    /// Each kind asked.
    pub fn iter(&self) -> impl Iterator<Item = Derive> + '_ {
        self.0.iter().flatten().copied()
    }

    /// The kinds as numbers, for a fingerprint of what pictures show.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        let parameter = |p: crate::engine::landscape::Parameter| (p.layer as u64) << 40 | (p.row as u64) << 20 | p.input.map_or(0xf_ffff, |i| i as u64);
        self.0.iter().flat_map(move |d| match d {
            None => [u64::MAX; 3],
            Some(Derive::Space(l)) => [1, *l as u64, 0],
            Some(Derive::Landscape(Plane::Principal)) => [2, 0, 0],
            Some(Derive::Landscape(Plane::Parameters(a, b))) => [3, parameter(*a), parameter(*b)],
            Some(Derive::Scene) => [4, 0, 0],
            Some(Derive::Picture) => [5, 0, 0],
            Some(Derive::TablePlane([x, y])) => [6, *x as u64, *y as u64],
        })
    }
}

impl Derive {
    /// Whether it costs enough to be computed at most every so often while training runs as
    /// fast as it can (the landscape: 41 x 41 evaluations of the loss; the scene: 128 x 128
    /// pixels through the network).
    pub fn spaced(self) -> bool {
        matches!(self, Derive::Landscape(_) | Derive::Scene | Derive::Picture)
    }

    /// Computes it for the run `t`, with its own weights or with `shown` (an earlier epoch,
    /// weights typed by hand), reached along the earlier states `path` gives (asked for only
    /// when a kind needs them); none when the weights do not fit its network or the view has
    /// nothing to show for it.
    pub fn compute(self, t: &mut Trainer, shown: Option<&Parameters>, path: impl FnOnce() -> Vec<Parameters>) -> Option<Derived> {
        match self {
            // The plane's points and grid lines carried; data of vectors has no plane: its
            // examples, carried from their own principal components.
            Derive::Space(layer) => {
                let (inputs, points, rows) = (t.config.network.inputs(), &t.split.train, &t.split.rows);
                let space = |network: &crate::engine::Network| match rows.dims {
                    0 => layer_space(network, inputs, points, layer),
                    _ => layer_space_of_rows(network, &rows.train, points, layer),
                };
                match shown {
                    None => space(&t.network),
                    Some(parameters) => {
                        let mut network = t.network.clone();
                        if !network.set_parameters(parameters) {
                            return None;
                        }
                        space(&network)
                    }
                }
                .map(Derived::Space)
            }
            Derive::Landscape(plane) => {
                let current = shown.cloned().unwrap_or_else(|| t.network.parameters());
                t.landscape(&current, &path(), plane).map(|l| Derived::Landscape(Box::new(l)))
            }
            Derive::Scene => scene_at(t, shown).map(|m| Derived::Scene(Box::new(m))),
            Derive::Picture => {
                let picture = picture_of(&t.config)?;
                match shown {
                    None => picture.map(&t.network),
                    Some(parameters) => {
                        let mut network = t.network.clone();
                        network.set_parameters(parameters).then(|| picture.map(&network)).flatten()
                    }
                }
                .map(|m| Derived::Picture(Box::new(m)))
            }
            Derive::TablePlane(columns) => match shown {
                None => t.table_plane(&t.network, columns),
                Some(parameters) => {
                    let mut network = t.network.clone();
                    network.set_parameters(parameters).then(|| t.table_plane(&network, columns)).flatten()
                }
            }
            .map(|p| Derived::TablePlane(Box::new(p))),
        }
    }
}

/// The satellite scene as `t`'s network maps it, with `shown` weights instead of its own when
/// given; none off the satellite data or for weights of another shape.
pub fn scene_at(t: &Trainer, shown: Option<&Parameters>) -> Option<SceneMap> {
    match shown {
        None => map_scene(&t.network, &t.config),
        Some(parameters) => {
            let mut network = t.network.clone();
            network.set_parameters(parameters).then(|| map_scene(&network, &t.config)).flatten()
        }
    }
}

/// The columns a table's plane shows, when the data are a table (not a picture) of two inputs
/// or more: the ones chosen, or the first two when the chosen ones are not the table's.
pub fn table_plane_of(settings: &Settings) -> Option<[usize; 2]> {
    let c = &settings.config;
    let t = c.data.table.as_ref().filter(|t| c.data.dataset == crate::engine::Dataset::Table && t.picture.is_none())?;
    let [x, y] = settings.table_plane;
    (t.dims() >= 2).then(|| if x != y && x.max(y) < t.dims() { [x, y] } else { [0, 1] })
}

/// The newest answer of each kind still asked, as the page keeps them with the run it shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers(Vec<(Derive, Derived)>);

impl Answers {
    /// Takes in the answers that came with pictures asked as `asked`: a kind no longer asked
    /// goes, a new answer replaces the one of its kind, and a kind asked but not answered this
    /// time (the landscape, spaced out) keeps its last answer.
    pub fn take_in(&mut self, asked: &Asked, answers: Vec<(Derive, Derived)>) {
        self.0.retain(|(d, _)| asked.iter().any(|a| a == *d) && !answers.iter().any(|(n, _)| n == d));
        self.0.extend(answers);
    }

    /// The plane as a hidden layer sees it, if asked and answered.
    pub fn space(&self) -> Option<&LayerSpace> {
        self.0.iter().find_map(|(_, d)| match d {
            Derived::Space(s) => Some(s),
            _ => None,
        })
    }

    /// The satellite scene as the network maps it, if asked and answered.
    pub fn scene(&self) -> Option<&SceneMap> {
        self.0.iter().find_map(|(_, d)| match d {
            Derived::Scene(m) => Some(&**m),
            _ => None,
        })
    }

    /// The class's picture as the network maps it, if asked and answered.
    pub fn picture(&self) -> Option<&PictureMap> {
        self.0.iter().find_map(|(_, d)| match d {
            Derived::Picture(m) => Some(&**m),
            _ => None,
        })
    }

    /// A table's plane of two columns, if asked and answered.
    pub fn table_plane(&self) -> Option<&TablePlane> {
        self.0.iter().find_map(|(_, d)| match d {
            Derived::TablePlane(p) => Some(&**p),
            _ => None,
        })
    }

    /// The loss landscape, if asked and answered.
    pub fn landscape(&self) -> Option<&Landscape> {
        self.0.iter().find_map(|(_, d)| match d {
            Derived::Landscape(l) => Some(&**l),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::LayerNo;
    use crate::i18n::Lang;

    #[test]
    fn the_settings_ask_for_what_their_open_views_show() {
        let mut s = Settings::new(Lang::Es);
        assert_eq!(Asked::of(&s).iter().count(), 0);
        s.space = Some(LayerNo::new(1));
        s.landscape = Some(Plane::Principal);
        assert_eq!(Asked::of(&s).iter().collect::<Vec<_>>(), [Derive::Space(0), Derive::Landscape(Plane::Principal)]);
        // Another layer is another ask: the pictures' fingerprint tells them apart.
        let mut other = s.clone();
        other.space = Some(LayerNo::new(2));
        assert_ne!(Asked::of(&s).keys().collect::<Vec<_>>(), Asked::of(&other).keys().collect::<Vec<_>>());
    }

    #[test]
    fn answers_keep_the_newest_of_each_kind_still_asked() {
        let mut s = Settings::new(Lang::Es);
        let mut t = Trainer::new(s.config.clone()).expect("a run");
        for _ in 0..30 {
            t.step().expect("an epoch");
        }
        let now = t.network.parameters();
        let path = vec![now.clone()];
        s.space = Some(LayerNo::new(1));
        s.landscape = Some(Plane::Principal);
        let asked = Asked::of(&s);
        let answers: Vec<_> = asked.iter().filter_map(|d| d.compute(&mut t, Some(&now), || path.clone()).map(|a| (d, a))).collect();
        // The run's own weights are the same weights given by name.
        assert_eq!(Derive::Space(0).compute(&mut t, None, Vec::new), answers.first().map(|(_, a)| a.clone()));
        assert_eq!(answers.len(), 1, "the layer's space is computed; a landscape needs a path of more than one state");
        let mut kept = Answers::default();
        kept.take_in(&asked, answers);
        assert!(kept.space().is_some() && kept.landscape().is_none());
        // Pictures without a new space keep the last one while it is asked ...
        kept.take_in(&asked, Vec::new());
        assert!(kept.space().is_some());
        // ... and the view closed, it goes.
        s.space = None;
        kept.take_in(&Asked::of(&s), Vec::new());
        assert!(kept.space().is_none());
        // Weights that do not fit the network give nothing.
        assert!(Derive::Space(0).compute(&mut t, Some(&Vec::new()), Vec::new).is_none());
    }
}
