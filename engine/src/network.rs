//! The network: layers of weights and biases, the forward pass a = f(W.x + b) layer by
//! layer, and backpropagation by the chain rule, all over a whole batch at once.
//!
//! Values are laid out `[neuron][sample]`: row r of a batch buffer holds neuron r's value
//! for every sample, so z_r = b_r + sum_i w_ri x_i is a run of vector multiply-adds.

pub use super::init::Init;
use super::kernels::{row_backward, softmax, weighted_sums};
use super::loss::{loss_and_delta, Loss};
use super::rng::Rng;
use super::{Activation, Real};
use serde::{Deserialize, Serialize};

/// One layer: n_out neurons, each with `pieces` rows of n_in weights and a bias per row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layer {
    /// Inputs per neuron.
    pub n_in: usize,
    /// Neurons in the layer.
    pub n_out: usize,
    /// The activation f applied to each neuron's weighted sum.
    pub activation: Activation,
    /// Probability of dropping each output while training (hidden layers; 0 = no dropout).
    #[serde(default)]
    pub dropout: Real,
    /// Neurons switched off (their output held at 0), from the setup; empty when none is.
    #[serde(skip)]
    pub off: Vec<bool>,
    /// Neurons frozen (their weights and bias not trained), from the setup; empty when none is.
    #[serde(skip)]
    pub frozen: Vec<bool>,
    /// W, row-major: row r = neuron r / pieces, piece r % pieces; `rows() * n_in` values.
    pub weights: Vec<Real>,
    /// b, one per row.
    pub biases: Vec<Real>,
}

impl Layer {
    /// Rows of weights: neurons times pieces per neuron (2 for maxout).
    pub fn rows(&self) -> usize {
        self.n_out * self.activation.pieces()
    }

    /// Where the weight from input `input` into row `row` is kept in `weights`.
    #[inline(always)]
    pub fn index(&self, row: usize, input: usize) -> usize {
        weight_index(self.n_in, row, input)
    }

    /// The weight from input `input` into row `row`, if both exist.
    pub fn weight(&self, row: usize, input: usize) -> Option<Real> {
        if input >= self.n_in {
            return None;
        }
        self.weights.get(self.index(row, input)).copied()
    }

    /// Row `row`'s weights, one per input.
    pub fn row(&self, row: usize) -> &[Real] {
        &self.weights[self.index(row, 0)..self.index(row + 1, 0)]
    }
}

/// Where the weight from input `input` into row `row` of a layer with `n_in` inputs is kept:
/// weights (and their gradients) are stored row-major.
#[inline(always)]
pub fn weight_index(n_in: usize, row: usize, input: usize) -> usize {
    row * n_in + input
}

/// A multilayer perceptron: hidden layers then the output layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Network {
    /// Input features.
    pub n_inputs: usize,
    /// Hidden layers, then the output layer last.
    pub layers: Vec<Layer>,
    /// Leaky ReLU's slope for z < 0.
    pub leaky_slope: Real,
}

/// The shape of one hidden layer: how many neurons and their activation (a setup's hidden
/// layers, and what the network is built from).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HiddenLayer {
    /// Neurons in the layer.
    pub neurons: usize,
    /// Its activation.
    pub activation: Activation,
}

impl Default for HiddenLayer {
    fn default() -> Self {
        HiddenLayer { neurons: 2, activation: Activation::Tanh }
    }
}

impl Network {
    /// A network with the given hidden layers and output layer, weights drawn by `init`.
    /// Every layer's dropout rate is 0; the trainer sets the setup's.
    pub fn new(n_inputs: usize, hidden: &[HiddenLayer], outputs: usize, output: Activation, init: Init, init_sigma: f64, rng: &mut Rng) -> Network {
        let mut layers = Vec::with_capacity(hidden.len() + 1);
        let mut n_in = n_inputs;
        let specs = hidden.iter().copied().chain(std::iter::once(HiddenLayer { neurons: outputs, activation: output }));
        for spec in specs {
            let rows = spec.neurons * spec.activation.pieces();
            let fan = (n_in + spec.neurons) as f64;
            let mut draw = || -> Real {
                (match init {
                    Init::Playground => rng.uniform(-0.5, 0.5),
                    Init::Normal => init_sigma * rng.normal(),
                    Init::Xavier => {
                        let r = (6.0 / fan).sqrt();
                        rng.uniform(-r, r)
                    }
                    Init::He => (2.0 / n_in.max(1) as f64).sqrt() * rng.normal(),
                    Init::Zeros => 0.0,
                }) as Real
            };
            let weights: Vec<Real> = (0..rows * n_in).map(|_| draw()).collect();
            let bias = if init == Init::Playground { 0.1 } else { 0.0 };
            layers.push(Layer {
                n_in,
                n_out: spec.neurons,
                activation: spec.activation,
                dropout: 0.0,
                off: Vec::new(),
                frozen: Vec::new(),
                weights,
                biases: vec![bias; rows],
            });
            n_in = spec.neurons;
        }
        Network { n_inputs, layers, leaky_slope: 0.1 }
    }

    /// The output layer.
    pub fn output(&self) -> &Layer {
        self.layers.last().expect("a network has an output layer")
    }

    /// Whether every weight and bias is a finite number.
    pub fn is_finite(&self) -> bool {
        self.layers.iter().all(|l| l.weights.iter().chain(&l.biases).all(|v| v.is_finite()))
    }

    /// Every layer's weights and biases, input side first.
    pub fn parameters(&self) -> Vec<(Vec<Real>, Vec<Real>)> {
        self.layers.iter().map(|l| (l.weights.clone(), l.biases.clone())).collect()
    }

    /// Whether `parameters` (weights then biases, per layer) have this network's shape.
    pub fn fits(&self, parameters: &[(Vec<Real>, Vec<Real>)]) -> bool {
        parameters.len() == self.layers.len() && parameters.iter().zip(&self.layers).all(|((w, b), l)| w.len() == l.weights.len() && b.len() == l.biases.len())
    }

    /// Puts in every weight and bias (weights then biases, per layer, input side first) when
    /// they have this network's shape; returns whether they did.
    pub fn set_parameters(&mut self, parameters: &[(Vec<Real>, Vec<Real>)]) -> bool {
        if !self.fits(parameters) {
            return false;
        }
        for ((w, b), l) in parameters.iter().zip(&mut self.layers) {
            l.weights.copy_from_slice(w);
            l.biases.copy_from_slice(b);
        }
        true
    }

    /// Copies the weights and biases of `other` (same shape) into this network.
    pub fn copy_parameters_from(&mut self, other: &Network) {
        for (a, b) in self.layers.iter_mut().zip(&other.layers) {
            a.weights.copy_from_slice(&b.weights);
            a.biases.copy_from_slice(&b.biases);
        }
    }

    /// Forward pass over `batch` samples. `input` is `[feature][sample]`. With `dropout`,
    /// hidden outputs are dropped with their layer's rate and the rest scaled by
    /// 1 / (1 - rate) (inverted dropout), so evaluation needs no rescaling.
    pub fn forward(&self, input: &[Real], batch: usize, ws: &mut Workspace, mut dropout: Option<&mut Rng>) {
        ws.ensure(self, batch);
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let (before, rest) = ws.a.split_at_mut(l);
            let prev: &[Real] = if l == 0 { &input[..layer.n_in * batch] } else { &before[l - 1][..layer.n_in * batch] };
            let z = &mut ws.z[l][..layer.rows() * batch];
            weighted_sums(&layer.weights, &layer.biases, prev, batch, z);
            let a = &mut rest[0][..layer.n_out * batch];
            match layer.activation {
                Activation::Maxout => {
                    for j in 0..layer.n_out {
                        let (z0, z1) = (&z[2 * j * batch..(2 * j + 1) * batch], &z[(2 * j + 1) * batch..(2 * j + 2) * batch]);
                        for ((a, &p), &q) in a[j * batch..(j + 1) * batch].iter_mut().zip(z0).zip(z1) {
                            *a = p.max(q);
                        }
                    }
                }
                Activation::Softmax => softmax(z, a, layer.n_out, batch),
                act => act.apply(z, a, self.leaky_slope),
            }
            let mask = &mut ws.mask[l];
            mask.clear();
            if l < last && layer.dropout > 0.0 {
                if let Some(rng) = dropout.as_deref_mut() {
                    let keep = 1.0 - layer.dropout;
                    mask.extend((0..a.len()).map(|_| if (rng.unit() as Real) < keep { 1.0 / keep } else { 0.0 }));
                    a.iter_mut().zip(mask.iter()).for_each(|(a, m)| *a *= m);
                }
            }
            // A neuron switched off gives 0 and passes no gradient back: a mask of its own.
            if l < last && layer.off.contains(&true) {
                if mask.is_empty() {
                    mask.resize(a.len(), 1.0);
                }
                for (j, _) in layer.off.iter().enumerate().filter(|(_, &off)| off) {
                    a[j * batch..(j + 1) * batch].fill(0.0);
                    mask[j * batch..(j + 1) * batch].fill(0.0);
                }
            }
        }
    }

    /// Output-layer loss summed over the batch of the last forward pass.
    pub fn batch_loss(&self, loss: Loss, targets: &[Real], batch: usize, ws: &Workspace) -> f64 {
        let l = self.layers.len() - 1;
        let out = &self.layers[l];
        let n = out.rows() * batch;
        loss_and_delta(loss, out.activation, &ws.z[l][..n], &ws.a[l][..out.n_out * batch], targets, batch, None)
    }

    /// Backpropagation after a forward pass: adds dL/dW and dL/db summed over the batch into
    /// `ws.grad_w` / `ws.grad_b`, and returns the summed loss.
    ///
    /// The chain rule, layer by layer from the output: delta_L = dL/dz_L;
    /// dL/dW_l = delta_l . a_(l-1)^T; dL/db_l = sum of delta_l;
    /// delta_(l-1) = (W_l^T . delta_l) * f'(z_(l-1)).
    pub fn backward(&self, input: &[Real], targets: &[Real], batch: usize, loss: Loss, ws: &mut Workspace) -> f64 {
        self.backward_padded(input, targets, batch, batch, loss, ws)
    }

    /// [`Network::backward`] over a batch whose last `batch - live` samples are padding: their
    /// dL/dz is set to 0, so they add nothing to the gradients. Returns the loss summed
    /// over every sample, padding included.
    pub fn backward_padded(&self, input: &[Real], targets: &[Real], batch: usize, live: usize, loss: Loss, ws: &mut Workspace) -> f64 {
        let last = self.layers.len() - 1;
        let out = &self.layers[last];
        let total = {
            let n = out.rows() * batch;
            let (z, a) = (&ws.z[last][..n], &ws.a[last][..out.n_out * batch]);
            let delta = &mut ws.delta[last][..n];
            let total = loss_and_delta(loss, out.activation, z, a, targets, batch, Some(delta));
            if live < batch {
                ws.delta[last][..n].chunks_exact_mut(batch).for_each(|d| d[live..].fill(0.0));
            }
            total
        };
        for l in (0..=last).rev() {
            let layer = &self.layers[l];
            let rows = layer.rows();
            let prev: &[Real] = if l == 0 { &input[..layer.n_in * batch] } else { &ws.a[l - 1][..layer.n_in * batch] };
            let delta = &ws.delta[l][..rows * batch];
            let (gw, gb) = (&mut ws.grad_w[l], &mut ws.grad_b[l]);
            // dL/dW_l and, below the first layer, dL/da_(l-1) = W_l^T . delta_l (in the
            // scratch row buffer), a row of W at a time.
            let mut da = (l > 0).then(|| {
                let da = &mut ws.scratch[..layer.n_in * batch];
                da.fill(0.0);
                da
            });
            for r in 0..rows {
                let d = &delta[r * batch..(r + 1) * batch];
                gb[r] += d.iter().sum::<Real>();
                let g = &mut gw[r * layer.n_in..(r + 1) * layer.n_in];
                row_backward(d, prev, batch, layer.row(r), g, da.as_deref_mut(), &mut ws.sums);
            }
            if l == 0 {
                break;
            }
            let da = &ws.scratch[..layer.n_in * batch];
            let below = &self.layers[l - 1];
            // delta_(l-1) = dL/da * (dropout mask) * f'(z).
            let (dbelow, _) = ws.delta.split_at_mut(l);
            let dst = &mut dbelow[l - 1][..below.rows() * batch];
            let z = &ws.z[l - 1][..below.rows() * batch];
            let a = &ws.a[l - 1][..below.n_out * batch];
            let mask = &ws.mask[l - 1];
            match below.activation {
                Activation::Maxout => {
                    for j in 0..below.n_out {
                        for s in 0..batch {
                            let (p, q) = (z[2 * j * batch + s], z[(2 * j + 1) * batch + s]);
                            let m = if mask.is_empty() { 1.0 } else { mask[j * batch + s] };
                            let g = da[j * batch + s] * m;
                            dst[2 * j * batch + s] = if p >= q { g } else { 0.0 };
                            dst[(2 * j + 1) * batch + s] = if p >= q { 0.0 } else { g };
                        }
                    }
                }
                act if mask.is_empty() => match act {
                    Activation::Tanh => dst.iter_mut().zip(da.iter()).zip(a).for_each(|((d, &g), &a)| *d = g * (1.0 - a * a)),
                    Activation::Linear => dst.copy_from_slice(da),
                    _ => {
                        for i in 0..dst.len() {
                            dst[i] = da[i] * act.derivative(z[i], a[i], self.leaky_slope);
                        }
                    }
                },
                act => {
                    for i in 0..dst.len() {
                        let m = mask[i];
                        // The stored a is f(z) * m; the derivative needs f(z) itself.
                        dst[i] = if m == 0.0 { 0.0 } else { da[i] * m * act.derivative(z[i], a[i] / m, self.leaky_slope) };
                    }
                }
            }
        }
        total
    }
}

/// Scratch buffers for passes over batches of up to `capacity` samples. Allocated when the
/// network's shape or the batch grows, then reused: the hot path allocates nothing.
#[derive(Default, Clone, Debug)]
pub struct Workspace {
    capacity: usize,
    shape: Vec<usize>,
    /// Pre-activations z per layer, `[row][sample]`.
    pub z: Vec<Vec<Real>>,
    /// Activations a per layer, `[neuron][sample]`.
    pub a: Vec<Vec<Real>>,
    /// dL/dz per layer.
    pub delta: Vec<Vec<Real>>,
    /// Dropout masks of the last training pass (empty where none).
    pub mask: Vec<Vec<Real>>,
    /// dL/dW accumulated per layer.
    pub grad_w: Vec<Vec<Real>>,
    /// dL/db accumulated per layer.
    pub grad_b: Vec<Vec<Real>>,
    scratch: Vec<Real>,
    sums: Vec<[Real; 4]>,
}

impl Workspace {
    /// Makes sure the buffers fit `net` and `batch` samples.
    pub fn ensure(&mut self, net: &Network, batch: usize) {
        let dims = || std::iter::once(net.n_inputs).chain(net.layers.iter().map(|l| l.rows()));
        if batch <= self.capacity && dims().eq(self.shape.iter().copied()) {
            return;
        }
        let shape: Vec<usize> = dims().collect();
        let capacity = batch.max(self.capacity);
        let widest = shape.iter().copied().max().unwrap_or(1);
        self.z = net.layers.iter().map(|l| vec![0.0; l.rows() * capacity]).collect();
        self.a = net.layers.iter().map(|l| vec![0.0; l.n_out * capacity]).collect();
        self.delta = self.z.clone();
        self.mask = vec![Vec::new(); net.layers.len()];
        self.grad_w = net.layers.iter().map(|l| vec![0.0; l.weights.len()]).collect();
        self.grad_b = net.layers.iter().map(|l| vec![0.0; l.biases.len()]).collect();
        self.scratch = vec![0.0; widest * capacity];
        self.capacity = capacity;
        self.shape = shape;
    }

    /// Zeroes the accumulated gradients.
    pub fn clear_gradients(&mut self) {
        self.grad_w.iter_mut().chain(self.grad_b.iter_mut()).for_each(|g| g.fill(0.0));
    }
}
