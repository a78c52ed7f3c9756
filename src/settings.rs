//! What a link carries: the engine's setup and the page's own settings (language, speed,
//! what is shown and hidden).

use crate::engine::{Config, LayerNo};
use crate::i18n::Lang;

/// How many epochs each animation frame trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Speed {
    /// Two epochs a second: a pace a class can follow, for setups that learn in a few epochs.
    Slow,
    /// A fixed number of epochs per frame (1 is the original's pace).
    Epochs(u32),
    /// As many as fit the frame's time budget.
    Max,
}

impl Speed {
    /// The choices offered.
    pub const ALL: [Speed; 5] = [Speed::Slow, Speed::Epochs(1), Speed::Epochs(10), Speed::Epochs(100), Speed::Max];

    /// Milliseconds between epochs at the slow pace.
    pub const SLOW_MS: f64 = 500.0;

    /// The value used in links (`speed=`).
    pub fn code(self) -> String {
        match self {
            Speed::Slow => "slow".into(),
            Speed::Epochs(n) => n.to_string(),
            Speed::Max => "max".into(),
        }
    }

    /// Parses a link's `speed=` value.
    pub fn from_code(code: &str) -> Option<Speed> {
        match code {
            "max" => return Some(Speed::Max),
            "slow" => return Some(Speed::Slow),
            _ => {}
        }
        code.parse::<u32>().ok().filter(|n| (1..=1000).contains(n)).map(Speed::Epochs)
    }
}

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The engine's setup.
    pub config: Config,
    /// Draw the test points on the heatmap.
    pub show_test: bool,
    /// Show sign(output) instead of the output.
    pub discretize: bool,
    /// Interface language.
    pub lang: Lang,
    /// Epochs per frame.
    pub speed: Speed,
    /// Controls a teacher hid with `<control>_hide=true`, in order, each once (see
    /// [`Settings::hide`]).
    pub hidden_controls: Vec<String>,
    /// Hide the explanatory text.
    pub hide_text: bool,
    /// Everything larger, for a projector (`projector=true`).
    pub projector: bool,
    /// The teacher's exercise: goal, limits, question.
    pub exercise: crate::exercise::Exercise,
    /// A second setup trained beside this one, epoch for epoch (`compare=`).
    pub compare: Option<Box<Config>>,
    /// Show the performance readout.
    pub show_performance: bool,
    /// The neuron whose arithmetic the inspector shows: its layer and its place in it.
    pub inspect: Option<(LayerNo, usize)>,
    /// The layer shown as a matrix product Z = W·X + b.
    pub matrix: Option<LayerNo>,
    /// The hidden layer whose view of the plane is open (`space=L`).
    pub space: Option<LayerNo>,
    /// The loss landscape, open over this plane (`landscape=true`, or two parameters).
    pub landscape: Option<crate::engine::landscape::Plane>,
    /// The satellite scene as the network maps it, open under the picture (`scene=true`; with
    /// the satellite data set only).
    pub scene: bool,
    /// The two input columns of a table on the plane of its picture (from 0; not in links,
    /// which cannot carry a table).
    pub table_plane: [usize; 2],
    /// Backprop step by step: training pauses and one update is walked through.
    pub backprop: bool,
    /// The teacher's board of hand-in codes instead of the playground (`board=true`).
    pub board: bool,
    /// The exercise as a printable worksheet instead of the playground (`worksheet=true`).
    pub worksheet: bool,
    /// The link said its points are too many to carry (`points=page:NAME`, or `points=page`
    /// from earlier versions, whose name is empty): the page takes them from this browser's
    /// storage, under that name.
    pub points_in_page: Option<String>,
    /// A set of points too many for a link that this browser could not keep (its storage
    /// full or off), by its name: the link does not claim it (no `points=page:NAME`).
    pub points_unkept: Option<String>,
}

impl Settings {
    /// The default setup in a language.
    pub fn new(lang: Lang) -> Settings {
        Settings {
            config: Config::default(),
            show_test: false,
            discretize: false,
            lang,
            speed: Speed::Epochs(1),
            hidden_controls: Vec::new(),
            hide_text: false,
            projector: false,
            exercise: Default::default(),
            compare: None,
            show_performance: false,
            inspect: None,
            matrix: None,
            space: None,
            landscape: None,
            scene: false,
            table_plane: [0, 1],
            backprop: false,
            board: false,
            worksheet: false,
            points_in_page: None,
            points_unkept: None,
        }
    }

    /// Neurons in layer `layer`; `None` for the inputs and past the output.
    pub fn neurons_in(&self, layer: LayerNo) -> Option<usize> {
        let hidden = &self.config.network.hidden;
        match layer.index()? {
            i if i < hidden.len() => Some(hidden[i].neurons),
            i if i == hidden.len() => Some(self.config.outputs()),
            _ => None,
        }
    }

    /// Whether `layer` is one of the hidden layers.
    pub fn is_hidden(&self, layer: LayerNo) -> bool {
        layer.index().is_some_and(|i| i < self.config.network.hidden.len())
    }

    /// Forgets an inspected neuron or a shown layer the network no longer has.
    pub fn keep_inspect_valid(&mut self) {
        if let Some((l, j)) = self.inspect {
            if self.neurons_in(l).is_none_or(|n| j >= n) {
                self.inspect = None;
            }
        }
        if self.matrix.is_some_and(|l| self.neurons_in(l).is_none()) {
            self.matrix = None;
        }
        if self.space.is_some_and(|l| !self.is_hidden(l)) {
            self.space = None;
        }
        if let Some(crate::engine::landscape::Plane::Parameters(a, b)) = self.landscape {
            if !self.has_parameter(a) || !self.has_parameter(b) || a == b {
                self.landscape = Some(crate::engine::landscape::Plane::Principal);
            }
        }
    }

    /// Whether the network has this weight or bias.
    pub fn has_parameter(&self, p: crate::engine::landscape::Parameter) -> bool {
        let n = &self.config.network;
        let n_in = if p.layer == 0 { n.features.len() } else { n.hidden.get(p.layer - 1).map_or(0, |h| h.neurons) };
        let rows = match n.hidden.get(p.layer) {
            Some(h) => h.neurons * h.activation.pieces(),
            None if p.layer == n.hidden.len() => self.config.outputs() * n.output.pieces(),
            None => 0,
        };
        p.row < rows && p.input.is_none_or(|i| i < n_in)
    }

    /// Whether the worker maps the satellite scene: on the satellite data, while its view is
    /// open or an exercise's goal is on its map.
    pub fn maps_scene(&self) -> bool {
        self.config.data.dataset == crate::engine::Dataset::Satellite
            && (self.scene || matches!(self.exercise.goal, Some(crate::exercise::Goal::MapAccuracy(_))))
    }

    /// Whether a control is visible (not hidden by the link).
    pub fn shows(&self, control: &str) -> bool {
        self.hidden_controls.binary_search_by(|c| c.as_str().cmp(control)).is_err()
    }

    /// Hides a control (kept in order, once).
    pub fn hide(&mut self, control: &str) {
        if let Err(at) = self.hidden_controls.binary_search_by(|c| c.as_str().cmp(control)) {
            self.hidden_controls.insert(at, control.to_string());
        }
    }
}
