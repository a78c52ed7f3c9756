//! Edits of a setup as the controls make them, applied by the engine next to `normalize`:
//! each keeps the setup within the playground's limits and rules (a learning rate snaps to
//! the list, an output that no longer fits falls back, a loss follows its output).

use super::config::{HiddenLayer, Monitor, Problem};
use super::limits::{self, Limit};
use super::{Activation, Config, Dataset, Feature, Init, Loss, Optimizer, Real, Regularization};

/// Most hidden layers.
pub const MAX_LAYERS: usize = limits::LAYERS.max as usize;

/// An optimizer parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptimizerParam {
    /// Momentum's mu.
    Momentum,
    /// RMSProp's rho.
    Rho,
    /// Adam's beta1.
    Beta1,
    /// Adam's beta2.
    Beta2,
}

impl OptimizerParam {
    /// Its range.
    pub fn limit(self) -> Limit {
        match self {
            OptimizerParam::Momentum => limits::MOMENTUM,
            OptimizerParam::Rho => limits::RHO,
            OptimizerParam::Beta1 => limits::BETA1,
            OptimizerParam::Beta2 => limits::BETA2,
        }
    }
}

/// One change of the setup.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// New data from this seed.
    Seed(u64),
    /// The data generator (the problem type follows).
    Dataset(Dataset),
    /// Classification or regression.
    Problem(Problem),
    /// Noise 0..50.
    Noise(u32),
    /// Percent of data for training.
    PercentTrain(u32),
    /// Percent of data held out for validation.
    PercentVal(u32),
    /// Samples per step.
    BatchSize(usize),
    /// Number of classes (2 to 4).
    Classes(usize),
    /// A table's columns chosen as the inputs and the one to predict: the data become the
    /// table's (its classes or its value).
    Table(Box<crate::table::TableData>),
    /// The digits taken as classes, for the handwritten digits (two to ten of 0 to 9; a
    /// choice that is not one changes nothing).
    Digits(Vec<u8>),
    /// An input feature on or off (the last one stays on).
    ToggleFeature(Feature),
    /// Switch hidden neuron (hidden layer, neuron) off, or on again (training goes on).
    SwitchOff(usize, usize),
    /// Freeze hidden neuron (hidden layer, neuron), or let it learn again.
    Freeze(usize, usize),
    /// The typed feature: a formula read (and turned on), or none.
    Formula(Option<Box<crate::formula::Formula>>),
    /// One more hidden layer (of two neurons).
    AddLayer,
    /// One hidden layer fewer.
    RemoveLayer,
    /// Add (+1) or remove (-1) neurons of a hidden layer.
    ChangeNeurons(usize, i32),
    /// The activation of every hidden layer.
    Activation(Activation),
    /// One hidden layer's activation.
    LayerActivation(usize, Activation),
    /// The output activation (the loss follows when it no longer pairs).
    Output(Activation),
    /// Weight initialisation.
    Init(Init),
    /// sigma of normal initialisation.
    InitSigma(Real),
    /// eta.
    LearningRate(Real),
    /// The loss.
    Loss(Loss),
    /// The penalty.
    Regularization(Regularization),
    /// lambda.
    RegularizationRate(Real),
    /// The optimizer.
    Optimizer(Optimizer),
    /// mu, rho, beta1 or beta2.
    OptimizerParam(OptimizerParam, Real),
    /// One hidden layer's dropout rate.
    Dropout(usize, Real),
    /// Reshuffle every epoch.
    Shuffle(bool),
    /// Leaky ReLU's slope for z < 0.
    LeakySlope(Real),
    /// Early stopping on or off.
    EarlyStopping(bool),
    /// Early stopping's patience.
    Patience(u32),
    /// Early stopping's smallest improvement.
    MinDelta(Real),
    /// The loss early stopping watches.
    Monitor(Monitor),
}

impl Config {
    /// The output activation a setup falls back on: linear for regression, softmax for more
    /// than two classes, tanh otherwise.
    pub fn default_output(&self) -> Activation {
        match (self.data.problem, self.data.classes > 2) {
            (Problem::Regression, _) => Activation::Linear,
            (_, true) => Activation::Softmax,
            _ => Activation::Tanh,
        }
    }

    /// Switches problem type: regression takes a linear output and the squared error, and
    /// keeps early stopping only with validation data; classification leaves a linear output.
    pub fn set_problem(&mut self, p: Problem) {
        self.data.problem = p;
        match p {
            Problem::Regression => {
                self.network.output = Activation::Linear;
                self.training.loss = Loss::HalfMse;
                self.data.classes = 2;
                self.training.early_stopping.enabled = self.training.early_stopping.enabled && self.data.percent_val > 0;
            }
            Problem::Classification => {
                if self.network.output == Activation::Linear {
                    self.network.output = self.default_output();
                    self.training.loss = Loss::default_for(self.network.output);
                }
            }
        }
    }

    /// Applies one edit, within the limits (the caller normalizes afterwards, as for a link).
    pub fn apply(&mut self, edit: Edit) {
        let c = self;
        match edit {
            Edit::Seed(seed) => {
                c.data.seed = seed;
                c.data.playground_seed = None;
            }
            Edit::Dataset(d) => {
                let was_vectors = c.data.dataset.is_vectors();
                c.data.dataset = d;
                c.set_problem(if d.is_regression() { Problem::Regression } else { Problem::Classification });
                if d == Dataset::Digits {
                    c.set_classes(c.data.digits.len());
                } else if was_vectors && !d.is_vectors() && c.data.classes > 2 {
                    // Back on the plane: as many classes as its sets draw.
                    let k = if Dataset::MULTICLASS.contains(&d) || d == Dataset::Custom { c.data.classes.min(limits::CLASSES.max as usize) } else { 2 };
                    c.set_classes(k);
                }
                c.fit_neurons();
            }
            Edit::Problem(p) => {
                if p != c.data.problem {
                    c.data.problem = p;
                    c.data.dataset = c.default_dataset();
                }
                c.set_problem(p);
            }
            Edit::Noise(n) => c.data.noise = limits::NOISE.whole(n as i64) as u32,
            Edit::PercentTrain(p) => c.data.percent_train = (limits::PERCENT_TRAIN.whole(p as i64) as u32).min(100 - c.data.percent_val),
            Edit::PercentVal(v) => {
                c.data.percent_val = limits::PERCENT_VAL.whole(v as i64) as u32;
                c.data.percent_train = c.data.percent_train.min(100 - c.data.percent_val);
            }
            Edit::BatchSize(b) => c.training.batch_size = limits::BATCH_SIZE.whole(b as i64) as usize,
            Edit::Classes(k) => {
                if !c.data.dataset.is_vectors() {
                    c.set_classes(limits::CLASSES.whole(k as i64) as usize);
                }
            }
            Edit::Table(table) => {
                let predict = table.predict;
                let classes = table.classes.len();
                c.data.table = Some(*table);
                c.data.dataset = Dataset::Table;
                if predict == Some(crate::table::Predict::Value) {
                    c.set_problem(Problem::Regression);
                } else {
                    c.set_problem(Problem::Classification);
                    c.set_classes(classes.max(2));
                }
                c.fit_neurons();
            }
            Edit::Digits(mut digits) => {
                digits.sort_unstable();
                digits.dedup();
                if c.data.dataset == Dataset::Digits && crate::vectors::valid_choice(&digits) {
                    c.set_classes(digits.len());
                    c.data.digits = digits;
                }
            }
            Edit::ToggleFeature(f) => {
                if let Some(i) = c.network.features.iter().position(|&g| g == f) {
                    if c.network.features.len() > 1 {
                        c.network.features.remove(i);
                    }
                } else {
                    c.network.features.push(f);
                    Feature::in_order(&mut c.network.features);
                }
            }
            Edit::SwitchOff(l, j) | Edit::Freeze(l, j) => {
                let list = if matches!(edit, Edit::SwitchOff(..)) { &mut c.training.off } else { &mut c.training.frozen };
                match list.iter().position(|&n| n == (l, j)) {
                    Some(i) => {
                        list.remove(i);
                    }
                    None if c.network.hidden.get(l).is_some_and(|h| j < h.neurons) => {
                        list.push((l, j));
                        list.sort_unstable();
                    }
                    None => {}
                }
            }
            Edit::Formula(formula) => {
                // The same formula, read, stays off if it was turned off.
                let same = c.network.formula.as_ref().map(|f| f.text()) == formula.as_ref().map(|f| f.text());
                let was_on = c.network.features.contains(&Feature::Custom);
                c.network.features.retain(|&f| f != Feature::Custom);
                if formula.is_some() && (was_on || !same) {
                    c.network.features.push(Feature::Custom);
                } else if c.network.features.is_empty() {
                    c.network.features.push(Feature::X1);
                }
                c.network.formula = formula.map(|f| *f);
            }
            Edit::AddLayer => {
                if c.network.hidden.len() < MAX_LAYERS {
                    let activation = c.network.hidden.last().map(|h| h.activation).unwrap_or(Activation::Tanh);
                    c.network.hidden.push(HiddenLayer { neurons: 2, activation });
                }
            }
            Edit::RemoveLayer => {
                c.network.hidden.pop();
            }
            Edit::ChangeNeurons(layer, delta) => {
                let most = c.neuron_limit();
                if let Some(h) = c.network.hidden.get_mut(layer) {
                    h.neurons = most.whole(h.neurons as i64 + delta as i64) as usize;
                }
            }
            Edit::Activation(a) => c.network.hidden.iter_mut().for_each(|h| h.activation = a),
            Edit::LayerActivation(l, a) => {
                if let Some(h) = c.network.hidden.get_mut(l) {
                    if Activation::HIDDEN.contains(&a) {
                        h.activation = a;
                    }
                }
            }
            Edit::Output(o) => {
                if c.valid_outputs().contains(&o) {
                    c.network.output = o;
                    if !c.training.loss.pairs_with(o) {
                        c.training.loss = Loss::default_for(o);
                    }
                }
            }
            Edit::Init(i) => c.network.init = i,
            Edit::InitSigma(v) => c.network.init_sigma = limits::INIT_SIGMA.real(v),
            Edit::LearningRate(r) => c.training.learning_rate = limits::nearest(&limits::LEARNING_RATES, r),
            Edit::Loss(l) => {
                if l.pairs_with(c.network.output) {
                    c.training.loss = l;
                }
            }
            Edit::Regularization(r) => c.training.regularization = r,
            Edit::RegularizationRate(r) => c.training.regularization_rate = limits::nearest(&limits::REGULARIZATION_RATES, r),
            Edit::Optimizer(o) => c.training.optimizer = o,
            Edit::OptimizerParam(p, v) => {
                let v = p.limit().real(v);
                match p {
                    OptimizerParam::Momentum => c.training.momentum = v,
                    OptimizerParam::Rho => c.training.rho = v,
                    OptimizerParam::Beta1 => c.training.beta1 = v,
                    OptimizerParam::Beta2 => c.training.beta2 = v,
                }
            }
            Edit::Dropout(l, r) => {
                if l < c.network.hidden.len() {
                    let rates = &mut c.training.dropout;
                    if rates.len() <= l {
                        rates.resize(l + 1, 0.0);
                    }
                    rates[l] = limits::DROPOUT.real(r);
                }
            }
            Edit::Shuffle(b) => c.training.shuffle = b,
            Edit::LeakySlope(v) => c.training.leaky_slope = limits::LEAKY_SLOPE.real(v),
            Edit::EarlyStopping(b) => c.training.early_stopping.enabled = b,
            Edit::Patience(p) => c.training.early_stopping.patience = limits::PATIENCE.whole(p as i64) as u32,
            Edit::MinDelta(v) => c.training.early_stopping.min_delta = limits::MIN_DELTA.real(v),
            Edit::Monitor(m) => c.training.early_stopping.monitor = m,
        }
    }

    /// Sets the number of classes: the user's points keep their classes as far as the new
    /// count allows; more than two take softmax and the cross-entropy, and a data set of
    /// several classes.
    /// The most neurons a hidden layer may have: more for data of vectors.
    pub fn neuron_limit(&self) -> Limit {
        if self.data.dataset.is_vectors() {
            limits::VECTOR_NEURONS
        } else {
            limits::NEURONS
        }
    }

    /// Hidden layers within the data's limit of neurons (the plane's is lower).
    fn fit_neurons(&mut self) {
        let most = self.neuron_limit();
        for h in &mut self.network.hidden {
            h.neurons = most.whole(h.neurons as i64) as usize;
        }
    }

    fn set_classes(&mut self, k: usize) {
        let c = self;
        for p in &mut c.data.custom_points {
            p.label = crate::predict::label_of(crate::predict::class_of(p.label, c.data.classes), k);
        }
        c.data.classes = k;
        if k > 2 {
            c.set_problem(Problem::Classification);
            c.network.output = Activation::Softmax;
            c.training.loss = Loss::SoftmaxCe;
            if !Dataset::MULTICLASS.contains(&c.data.dataset) && c.data.dataset != Dataset::Custom && !c.data.dataset.is_vectors() {
                c.data.dataset = Dataset::Blobs;
            }
        } else if c.network.output == Activation::Softmax {
            c.network.output = c.default_output();
            c.training.loss = Loss::default_for(c.network.output);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_keeps_the_output_and_the_loss_paired_with_the_problem() {
        let mut c = Config::default();
        c.apply(Edit::Dataset(Dataset::RegPlane));
        assert_eq!((c.data.problem, c.network.output, c.training.loss), (Problem::Regression, Activation::Linear, Loss::HalfMse));
        c.apply(Edit::Problem(Problem::Classification));
        assert_eq!(c.network.output, c.default_output());
        c.apply(Edit::Classes(3));
        assert_eq!((c.network.output, c.training.loss, c.data.dataset), (Activation::Softmax, Loss::SoftmaxCe, Dataset::Blobs));
        c.apply(Edit::Classes(2));
        assert_eq!((c.network.output, c.training.loss), (Activation::Tanh, Loss::HalfMse), "two classes fall back on tanh");
        // The loss follows an output it no longer pairs with; a loss that does not pair is refused.
        c.apply(Edit::Output(Activation::Softmax));
        assert_eq!((c.network.output, c.training.loss), (Activation::Softmax, Loss::SoftmaxCe));
        c.apply(Edit::Loss(Loss::Bce));
        assert_eq!(c.training.loss, Loss::SoftmaxCe);
        // A regression setup takes no output that does not fit it.
        c.apply(Edit::Dataset(Dataset::RegPlane));
        c.apply(Edit::Output(Activation::Sigmoid));
        assert_eq!(c.network.output, Activation::Linear);
    }

    #[test]
    fn values_are_held_to_the_limits() {
        let mut c = Config::default();
        c.apply(Edit::LearningRate(0.02));
        assert_eq!(c.training.learning_rate, 0.03, "the nearest rate of the list");
        c.apply(Edit::Noise(500));
        assert_eq!(c.data.noise, limits::NOISE.max as u32);
        c.apply(Edit::PercentVal(30));
        c.apply(Edit::PercentTrain(90));
        assert_eq!(c.data.percent_train, 70, "training and validation never take more than all the data");
        for _ in 0..20 {
            c.apply(Edit::AddLayer);
        }
        assert_eq!(c.network.hidden.len(), MAX_LAYERS);
        c.apply(Edit::ChangeNeurons(0, 100));
        assert_eq!(c.network.hidden[0].neurons, limits::NEURONS.max as usize);
        let features = c.network.features.clone();
        for f in features {
            c.apply(Edit::ToggleFeature(f));
        }
        assert_eq!(c.network.features.len(), 1, "the last feature stays on");
    }

    #[test]
    fn a_typed_formula_turns_its_feature_on_and_its_removal_takes_it_out() {
        let mut c = Config::default();
        let formula = crate::formula::Formula::parse("x1 * x2").unwrap();
        c.apply(Edit::Formula(Some(Box::new(formula.clone()))));
        assert_eq!(c.network.features, vec![Feature::X1, Feature::X2, Feature::Custom]);
        c.apply(Edit::ToggleFeature(Feature::Custom));
        c.apply(Edit::Formula(Some(Box::new(formula))));
        assert!(!c.network.features.contains(&Feature::Custom), "the same formula read again stays off");
        c.apply(Edit::Formula(None));
        assert!(c.network.formula.is_none() && c.network.features == vec![Feature::X1, Feature::X2]);
    }

    #[test]
    fn the_digits_take_their_choice_as_classes_and_the_plane_takes_its_own_back() {
        let mut c = Config::default();
        c.network.hidden[0].neurons = 8;
        c.apply(Edit::Dataset(Dataset::Digits));
        assert_eq!((c.data.classes, c.network.output, c.training.loss), (10, Activation::Softmax, Loss::SoftmaxCe));
        c.apply(Edit::ChangeNeurons(0, 100));
        assert_eq!(c.network.hidden[0].neurons, limits::VECTOR_NEURONS.max as usize, "a layer reading vectors may be wider");
        c.apply(Edit::Classes(3));
        assert_eq!(c.data.classes, 10, "the digits' classes are their choice");
        c.apply(Edit::Digits(vec![7, 1, 1]));
        assert_eq!((c.data.digits.clone(), c.data.classes, c.network.output), (vec![1, 7], 2, Activation::Tanh));
        c.apply(Edit::Digits(vec![3]));
        c.apply(Edit::Digits(vec![1, 12]));
        assert_eq!(c.data.digits, vec![1, 7], "one digit, or one that is not a digit, changes nothing");
        assert_eq!(c.data.dataset, Dataset::Digits);
        c.apply(Edit::Digits(vec![0, 1, 2]));
        c.apply(Edit::Dataset(Dataset::Xor));
        assert_eq!((c.data.classes, c.network.output), (2, Activation::Tanh), "the XOR has two classes");
        assert_eq!(c.network.hidden[0].neurons, limits::NEURONS.max as usize, "and the plane's layers their limit");
        assert!(c.normalize().is_empty());
    }
}
