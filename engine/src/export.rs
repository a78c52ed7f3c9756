//! Exports a network, its data and its training setup as a Python file that runs as it is:
//! Keras (TensorFlow 2, Keras 3) trains it as Neurona does, or plain numpy for the perceptron,
//! so that a student can carry on from the playground in a notebook.
//!
//! Where Keras's own optimizers compute something else than Neurona (RMSProp and Adam place
//! epsilon elsewhere; gradient descent with L1 has TensorFlow Playground's zero stop), the
//! file carries a small optimizer class with Neurona's rule, so the same setup gives the
//! same weights (checked against TensorFlow by `scripts/keras_check.py`).

use super::axes::Axis;
use super::config::{Config, Monitor, Problem};
use super::data::{Point, Split};
use super::layer_no::LayerNo;
use super::network::Network;
use super::{Activation, Feature, Loss, Optimizer, Real, Regularization};

fn python_float(v: Real) -> String {
    if v.is_finite() {
        format!("{v:?}")
    } else {
        "float('nan')".into()
    }
}

fn feature_expression(f: Feature, config: &Config) -> String {
    if f == Feature::Custom {
        return config.network.formula.as_ref().map_or("0.0 * x1".into(), |g| g.numpy());
    }
    match f {
        Feature::X1 => "x1",
        Feature::X2 => "x2",
        Feature::X1Squared => "x1 * x1",
        Feature::X2Squared => "x2 * x2",
        Feature::X1X2 => "x1 * x2",
        Feature::SinX1 => "np.sin(x1)",
        Feature::SinX2 => "np.sin(x2)",
        Feature::CosX1 => "np.cos(x1)",
        Feature::CosX2 => "np.cos(x2)",
        Feature::Custom => "0.0 * x1",
    }
    .into()
}

/// A Keras activation argument for one of ours.
fn keras_activation(a: Activation, leaky_slope: Real) -> String {
    match a {
        Activation::Linear | Activation::Maxout => "'linear'".into(),
        Activation::Sigmoid => "'sigmoid'".into(),
        Activation::Tanh => "'tanh'".into(),
        Activation::Relu => "'relu'".into(),
        Activation::LeakyRelu => format!("lambda z: ops.leaky_relu(z, negative_slope={})", python_float(leaky_slope)),
        Activation::Elu => "'elu'".into(),
        Activation::Swish => "'swish'".into(),
        Activation::Softplus => "'softplus'".into(),
        // The step's derivative is 0 everywhere, as in Neurona (not "no gradient").
        Activation::Step => "lambda z: 0.0 * z + ops.stop_gradient(ops.cast(z >= 0, z.dtype))".into(),
        Activation::Softmax => "'softmax'".into(),
    }
}

fn list(values: &[Real]) -> String {
    format!("[{}]", values.iter().map(|v| python_float(*v)).collect::<Vec<_>>().join(", "))
}

fn matrix(rows: impl Iterator<Item = Vec<Real>>) -> String {
    let rows: Vec<String> = rows.map(|r| list(&r)).collect();
    format!("[{}]", rows.join(",\n     "))
}

/// A set of points as a numpy array of rows x1, x2, label, in the data's own units.
fn points_array(name: &str, points: &[Point], config: &Config) -> String {
    let axes = &config.data_axes();
    let own = |axis: &Axis, v: Real| if axis.is_plane() { python_float(v) } else { axis.format(axis.from_plane(v)) };
    let rows: Vec<String> = points.iter().map(|p| format!("[{}, {}, {}]", own(&axes.x, p.x), own(&axes.y, p.y), python_float(p.label))).collect();
    let body = rows.chunks(4).map(|c| c.join(", ")).collect::<Vec<_>>().join(",\n    ");
    format!("{name} = np.array([\n    {body}], dtype=np.float32).reshape(-1, 3)\n")
}

/// What the network is trained to output for a label, as numpy code over `label`.
fn target_expression(config: &Config) -> &'static str {
    match (config.data.problem, config.network.output) {
        (Problem::Regression, _) => "label",
        // Class indices; two classes labelled -1/+1 become 0/1.
        (_, Activation::Softmax) => "np.maximum(label, 0).astype(np.int32)",
        (_, Activation::Sigmoid | Activation::Step) => "(label > 0).astype(np.float32)",
        _ => "label",
    }
}

/// The optimizer: Keras's own where it computes what Neurona does, else a class with
/// Neurona's rule (returned as its definition and the expression that makes one).
fn optimizer(config: &Config) -> (String, String) {
    let t = &config.training;
    let lr = python_float(t.learning_rate);
    match t.optimizer {
        Optimizer::Sgd if t.regularization == Regularization::L1 && t.regularization_rate > 0.0 => {
            (L1_SGD.to_string(), format!("NeuronaL1SGD(learning_rate={lr}, l1={})", python_float(t.regularization_rate)))
        }
        Optimizer::Sgd => (String::new(), format!("keras.optimizers.SGD(learning_rate={lr})")),
        // Keras's momentum: v <- mu v - eta g; w <- w + v, as Neurona's.
        Optimizer::Momentum => (String::new(), format!("keras.optimizers.SGD(learning_rate={lr}, momentum={})", python_float(t.momentum))),
        Optimizer::Rmsprop => (RMSPROP.to_string(), format!("NeuronaRMSprop(learning_rate={lr}, rho={})", python_float(t.rho))),
        Optimizer::Adam => (ADAM.to_string(), format!("NeuronaAdam(learning_rate={lr}, beta_1={}, beta_2={})", python_float(t.beta1), python_float(t.beta2))),
    }
}

const RMSPROP: &str = r#"
class NeuronaRMSprop(keras.optimizers.Optimizer):
    """RMSProp as Neurona computes it: s <- rho s + (1 - rho) g^2; w <- w - eta g / (sqrt(s) + eps).
    Keras's own RMSprop divides by sqrt(s + eps) instead: with eps = 1e-8 that is a floor
    of 1e-4 under the root, which changes every step whose gradients are small."""

    def __init__(self, learning_rate, rho, epsilon=1e-8, **kwargs):
        super().__init__(learning_rate=learning_rate, name="neurona_rmsprop", **kwargs)
        self.rho, self.epsilon = rho, epsilon

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.s = [self.add_variable_from_reference(v, "s") for v in variables]

    def update_step(self, gradient, variable, learning_rate):
        s = self.s[self._get_variable_index(variable)]
        lr = ops.cast(learning_rate, variable.dtype)
        self.assign(s, self.rho * s + (1 - self.rho) * ops.square(gradient))
        self.assign_sub(variable, lr * gradient / (ops.sqrt(s) + self.epsilon))
"#;

const ADAM: &str = r#"
class NeuronaAdam(keras.optimizers.Optimizer):
    """Adam as Neurona computes it (Kingma and Ba's Algorithm 1):
    m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
    w <- w - eta m_hat / (sqrt(v_hat) + eps), m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t).
    Keras's own Adam adds its epsilon ("epsilon hat") before the bias correction, which
    changes the first steps."""

    def __init__(self, learning_rate, beta_1, beta_2, epsilon=1e-8, **kwargs):
        super().__init__(learning_rate=learning_rate, name="neurona_adam", **kwargs)
        self.beta_1, self.beta_2, self.epsilon = beta_1, beta_2, epsilon

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.m = [self.add_variable_from_reference(v, "m") for v in variables]
        self.v = [self.add_variable_from_reference(v, "v") for v in variables]

    def update_step(self, gradient, variable, learning_rate):
        i = self._get_variable_index(variable)
        m, v = self.m[i], self.v[i]
        t = ops.cast(self.iterations + 1, variable.dtype)
        lr = ops.cast(learning_rate, variable.dtype)
        self.assign(m, self.beta_1 * m + (1 - self.beta_1) * gradient)
        self.assign(v, self.beta_2 * v + (1 - self.beta_2) * ops.square(gradient))
        m_hat = m / (1 - ops.power(ops.cast(self.beta_1, variable.dtype), t))
        v_hat = v / (1 - ops.power(ops.cast(self.beta_2, variable.dtype), t))
        self.assign_sub(variable, lr * m_hat / (ops.sqrt(v_hat) + self.epsilon))
"#;

const L1_SGD: &str = r#"
class NeuronaL1SGD(keras.optimizers.Optimizer):
    """Gradient descent with L1 as Neurona and TensorFlow Playground do it: first the
    gradient step w' = w - eta g, then the penalty's step w'' = w' - eta l1 sign(w). A weight
    that the penalty carries across zero is set to exactly 0 and never trained again (its
    link is dead). Keras's l1 regularizer has no such stop: weights hover around zero.
    Biases are not penalised."""

    def __init__(self, learning_rate, l1, **kwargs):
        super().__init__(learning_rate=learning_rate, name="neurona_l1_sgd", **kwargs)
        self.l1 = l1

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.dead = [self.add_variable_from_reference(v, "dead") for v in variables]

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        after_gradient = variable - lr * gradient
        if len(variable.shape) < 2:
            self.assign(variable, after_gradient)
            return
        dead = self.dead[self._get_variable_index(variable)]
        after_penalty = after_gradient - lr * self.l1 * ops.sign(variable)
        crossed = ops.cast(after_gradient * after_penalty < 0, variable.dtype)
        dead_now = ops.maximum(dead, crossed)
        self.assign(dead, dead_now)
        self.assign(variable, ops.where(dead_now > 0, ops.zeros_like(variable), after_penalty))
"#;

/// The part every export shares: the data as Neurona split it, and how a point becomes the
/// network's inputs.
fn data_part(config: &Config, split: &Split) -> String {
    if split.rows.dims > 0 {
        return crate::export_rows::rows_data_part(config, split, target_expression(config));
    }
    let mut out = String::new();
    out += "# The data as Neurona split it: one row x1, x2, label per point";
    let axes = &config.data_axes();
    if axes.is_plane() {
        out += ".\n";
    } else {
        out += &format!(", in the data's own units (x1: {}, x2: {}).\n", axes.x.name_or("x1"), axes.y.name_or("x2"));
    }
    out += &points_array("TRAIN", &split.train, config);
    out += &points_array("VALIDATION", &split.validation, config);
    out += &points_array("TEST", &split.test, config);
    out += "\n# The network sees each coordinate scaled so that the range the plane shows fills -6 .. 6.\n";
    out += &format!(
        "X1_RANGE = ({}, {})\nX2_RANGE = ({}, {})\n\n",
        python_float(axes.x.min),
        python_float(axes.x.max),
        python_float(axes.y.min),
        python_float(axes.y.max)
    );
    out += "def to_plane(v, lo, hi):\n    if (lo, hi) == (-6.0, 6.0):\n        return v\n    return (v - np.float32(lo)) / np.float32(hi - lo) * np.float32(12) - np.float32(6)\n\n";
    out += "def features(points):\n";
    out += "    \"\"\"The input features, one column each, of rows x1, x2, label.\"\"\"\n";
    out += "    x1 = to_plane(points[:, 0], *X1_RANGE)\n    x2 = to_plane(points[:, 1], *X2_RANGE)\n";
    let cols: Vec<String> = config.network.features.iter().map(|f| feature_expression(*f, config)).collect();
    out += &format!("    return np.stack([{}], axis=-1).astype(np.float32)\n\n", cols.join(", "));
    out += "def targets(points):\n";
    out += &format!("    label = points[:, 2]\n    return {}\n\n", target_expression(config));
    out
}

/// Python code that rebuilds `network` with its current weights, the data of `split` and
/// the training setup of `config`, and trains it for `epochs` more epochs when run.
pub fn keras_code(config: &Config, network: &Network, split: &Split, epochs: u64) -> String {
    if config.is_perceptron() {
        return perceptron_code(config, network, split, epochs);
    }
    let t = &config.training;
    let mut out = String::new();
    out += "# Exported from Neurona: the same network, weights, data and training setup in Keras 3\n";
    out += "# (TensorFlow 2). Run it as it is: python neurona_model.py\n";
    out += "import numpy as np\nimport keras\nfrom keras import ops\n\n";
    out += &data_part(config, split);
    let (class, make_optimizer) = optimizer(config);
    // With gradient descent and L1 the optimizer applies the penalty (see NeuronaL1SGD).
    let penalty_in_optimizer = !class.is_empty() && t.optimizer == Optimizer::Sgd;
    let regularizer = match t.regularization {
        _ if penalty_in_optimizer || t.regularization_rate == 0.0 => "None".to_string(),
        Regularization::None => "None".to_string(),
        Regularization::L1 => format!("keras.regularizers.l1({})", python_float(t.regularization_rate)),
        // Neurona's L2 penalty is lambda * sum(w^2) / 2; Keras's l2(k) is k * sum(w^2).
        Regularization::L2 => format!("keras.regularizers.l2({})", python_float(t.regularization_rate / 2.0)),
    };
    out += "# The network. Dropout, where set, follows a hidden layer's activation.\n";
    out += &format!("inputs = keras.Input(shape=({},))\nh = inputs\n", config.input_count());
    let mut weight_lines = Vec::new();
    let last = network.layers.len() - 1;
    for (l, layer) in network.layers.iter().enumerate() {
        let name = if l == last { "output".to_string() } else { format!("hidden{}", LayerNo::of(l)) };
        let pieces = layer.activation.pieces();
        let units = layer.n_out * pieces;
        out += &format!(
            "h = keras.layers.Dense({units}, activation={}, kernel_regularizer={regularizer}, name='{name}')(h)\n",
            keras_activation(layer.activation, network.leaky_slope)
        );
        if pieces == 2 {
            // Columns alternate piece 0 and piece 1 of each neuron: take the larger.
            out += &format!("h = keras.layers.Lambda(lambda z: ops.max(ops.reshape(z, (-1, {}, 2)), axis=-1), name='{name}_maxout')(h)\n", layer.n_out);
        }
        if l < last && layer.dropout > 0.0 {
            out += &format!("h = keras.layers.Dropout({})(h)\n", python_float(layer.dropout));
        }
        // Keras stores the kernel as (inputs, units): the transpose of our rows.
        let kernel = (0..layer.n_in).map(|i| (0..units).map(|r| layer.weights[layer.index(r, i)]).collect());
        weight_lines.push(format!(
            "model.get_layer('{name}').set_weights([np.array(\n    {}, dtype=np.float32), np.array({}, dtype=np.float32)])\n",
            matrix(kernel),
            list(&layer.biases)
        ));
    }
    out += "model = keras.Model(inputs, h)\n\n";
    out += "# The weights and biases as they are in Neurona now.\n";
    for line in weight_lines {
        out += &line;
    }
    out += &class;
    let loss = match t.loss {
        Loss::HalfMse => "lambda y, y_hat: 0.5 * ops.mean(ops.square(y - y_hat), axis=-1)",
        Loss::Mse => "'mse'",
        Loss::Bce => "'binary_crossentropy'",
        Loss::SoftmaxCe => "'sparse_categorical_crossentropy'",
    };
    let metrics = if config.data.problem == Problem::Classification {
        if config.network.output == Activation::Softmax {
            ", metrics=['accuracy']".to_string()
        } else {
            String::new()
        }
    } else {
        String::new()
    };
    out += &format!("\nmodel.compile(optimizer={make_optimizer}, loss={loss}{metrics})\n\n");
    out += &fit_part(config, epochs);
    out
}

/// The `model.fit` call matching the setup, then the test set's loss.
fn fit_part(config: &Config, epochs: u64) -> String {
    let t = &config.training;
    let mut out = String::new();
    out += &format!("EPOCHS = {epochs}  # as many more as you like\n");
    out += &format!("BATCH_SIZE = {}  # Keras takes all points when this is more than there are\n", t.batch_size.max(1));
    let has_val = config.data.percent_val > 0;
    let mut callbacks = String::from("[]");
    if t.early_stopping.enabled {
        let monitor = match (t.early_stopping.monitor, has_val) {
            (Monitor::Val, true) => "val_loss",
            _ => "loss",
        };
        // Keras's losses include the weight penalty and its training loss is averaged over
        // the epoch's batches; Neurona watches the loss alone, after the epoch.
        callbacks = format!(
            "[keras.callbacks.EarlyStopping(monitor='{monitor}', patience={}, min_delta={}, restore_best_weights=True)]",
            t.early_stopping.patience,
            python_float(t.early_stopping.min_delta)
        );
    }
    out += "\nif __name__ == '__main__':\n";
    out += "    history = model.fit(\n        features(TRAIN), targets(TRAIN),\n";
    out += &format!("        batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle={},\n", if t.shuffle { "True" } else { "False" });
    if has_val {
        out += "        validation_data=(features(VALIDATION), targets(VALIDATION)),\n";
    }
    out += &format!("        callbacks={callbacks}, verbose=2)\n");
    out += "    if len(TEST):\n        print('test loss:', model.evaluate(features(TEST), targets(TEST), verbose=0))\n";
    out
}

/// The perceptron (a step output with no hidden layer) in plain numpy, trained by
/// Rosenblatt's rule one point at a time, as Neurona trains it.
fn perceptron_code(config: &Config, network: &Network, split: &Split, epochs: u64) -> String {
    let layer = &network.layers[0];
    let mut out = String::new();
    out += "# Exported from Neurona: a perceptron, its data and Rosenblatt's rule in plain numpy.\n";
    out += "# (Keras cannot train a step output: its gradient is zero.) Run it as it is.\n";
    out += "import numpy as np\n\n";
    out += &data_part(config, split);
    out += "# The weights and the bias as they are in Neurona now.\n";
    out += &format!("w = np.array({}, dtype=np.float32)\nb = np.float32({})\n", list(&layer.weights[..layer.n_in]), python_float(layer.biases[0]));
    out += &format!("LEARNING_RATE = np.float32({})\n", python_float(config.training.learning_rate));
    out += &format!("EPOCHS = {epochs}  # as many more as you like\nSHUFFLE = {}\n\n", if config.training.shuffle { "True" } else { "False" });
    out += "def predict(x):\n    \"\"\"step(w . x + b): 1 (blue) or 0 (orange).\"\"\"\n    return (x @ w + b >= 0).astype(np.float32)\n\n";
    out += "if __name__ == '__main__':\n";
    out += "    x, y = features(TRAIN), targets(TRAIN)\n";
    out += "    rng = np.random.default_rng()\n";
    out += "    for epoch in range(EPOCHS):\n";
    out += "        mistakes = 0\n";
    out += "        for i in (rng.permutation(len(x)) if SHUFFLE else range(len(x))):\n";
    out += "            error = y[i] - np.float32(x[i] @ w + b >= 0)\n";
    out += "            if error != 0:\n";
    out += "                # w <- w + eta (t - y_hat) x; b <- b + eta (t - y_hat)\n";
    out += "                w = w + LEARNING_RATE * error * x[i]\n";
    out += "                b = b + LEARNING_RATE * error\n";
    out += "                mistakes += 1\n";
    out += "        print(f'epoch {epoch + 1}: {mistakes} mistakes')\n";
    out += "    if len(TEST):\n        print('test accuracy:', float(np.mean(predict(features(TEST)) == targets(TEST))))\n";
    out
}
