//! Exports a trained network as Python code for Keras (TensorFlow 2), with its weights, so
//! that a student can carry on from the playground in a notebook.

use super::config::{Config, Problem};
use super::network::Network;
use super::{Activation, Feature, Loss, Optimizer, Real, Regularization};

fn python_float(v: Real) -> String {
    if v.is_finite() {
        format!("{v:?}")
    } else {
        "float('nan')".into()
    }
}

fn feature_expression(f: Feature) -> &'static str {
    match f {
        Feature::X1 => "x1",
        Feature::X2 => "x2",
        Feature::X1Squared => "x1 ** 2",
        Feature::X2Squared => "x2 ** 2",
        Feature::X1X2 => "x1 * x2",
        Feature::SinX1 => "np.sin(x1)",
        Feature::SinX2 => "np.sin(x2)",
        Feature::CosX1 => "np.cos(x1)",
        Feature::CosX2 => "np.cos(x2)",
    }
}

/// A Keras activation argument for one of ours.
fn keras_activation(a: Activation, leaky_slope: Real) -> String {
    match a {
        Activation::Linear | Activation::Maxout => "'linear'".into(),
        Activation::Sigmoid => "'sigmoid'".into(),
        Activation::Tanh => "'tanh'".into(),
        Activation::Relu => "'relu'".into(),
        Activation::LeakyRelu => format!("lambda z: tf.nn.leaky_relu(z, alpha={})", python_float(leaky_slope)),
        Activation::Elu => "'elu'".into(),
        Activation::Swish => "'swish'".into(),
        Activation::Softplus => "'softplus'".into(),
        Activation::Step => "lambda z: tf.cast(z >= 0, z.dtype)".into(),
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

/// Python code that rebuilds `network` in Keras with the same weights, features, loss and
/// optimizer. Maxout layers become two linear pieces and a maximum.
pub fn keras_code(config: &Config, network: &Network) -> String {
    let mut out = String::new();
    out += "# Exported from Neurona: the same network, weights and training setup in Keras.\n";
    out += "import numpy as np\nimport tensorflow as tf\n\n";
    out += "def features(x1, x2):\n";
    out += "    \"\"\"The input features, one column each, from points (x1, x2).\"\"\"\n";
    let cols: Vec<&str> = config.network.features.iter().map(|f| feature_expression(*f)).collect();
    out += &format!("    return np.stack([{}], axis=-1)\n\n", cols.join(", "));
    let regularizer = match config.training.regularization {
        Regularization::None => "None".to_string(),
        Regularization::L1 => format!("tf.keras.regularizers.l1({})", python_float(config.training.regularization_rate)),
        // Neurona's L2 penalty is lambda * sum(w^2) / 2; Keras's l2(k) is k * sum(w^2).
        Regularization::L2 => format!("tf.keras.regularizers.l2({})", python_float(config.training.regularization_rate / 2.0)),
    };
    out += &format!("inputs = tf.keras.Input(shape=({},))\nh = inputs\n", config.network.features.len());
    let mut weight_lines = Vec::new();
    let last = network.layers.len() - 1;
    for (l, layer) in network.layers.iter().enumerate() {
        let name = if l == last { "output".to_string() } else { format!("hidden{}", l + 1) };
        let pieces = layer.activation.pieces();
        let units = layer.n_out * pieces;
        out += &format!(
            "h = tf.keras.layers.Dense({units}, activation={}, kernel_regularizer={regularizer}, name='{name}')(h)\n",
            keras_activation(layer.activation, network.leaky_slope)
        );
        if pieces == 2 {
            // Rows alternate piece 0 and piece 1 of each neuron: take the larger.
            out += &format!("h = tf.keras.layers.Lambda(lambda z: tf.reduce_max(tf.reshape(z, (-1, {}, 2)), axis=-1), name='{name}_maxout')(h)\n", layer.n_out);
        }
        if l < last && layer.dropout > 0.0 {
            out += &format!("h = tf.keras.layers.Dropout({})(h)\n", python_float(layer.dropout));
        }
        // Keras stores the kernel as (inputs, units): the transpose of our rows.
        let kernel = (0..layer.n_in).map(|i| (0..units).map(|r| layer.weights[r * layer.n_in + i]).collect());
        weight_lines.push(format!(
            "model.get_layer('{name}').set_weights([np.array(\n    {}), np.array({})])\n",
            matrix(kernel),
            list(&layer.biases)
        ));
    }
    out += "model = tf.keras.Model(inputs, h)\n\n";
    out += "# The trained weights and biases.\n";
    for line in weight_lines {
        out += &line;
    }
    let lr = python_float(config.training.learning_rate);
    let optimizer = match config.training.optimizer {
        Optimizer::Sgd => format!("tf.keras.optimizers.SGD(learning_rate={lr})"),
        Optimizer::Momentum => format!("tf.keras.optimizers.SGD(learning_rate={lr}, momentum={})", python_float(config.training.momentum)),
        Optimizer::Rmsprop => format!("tf.keras.optimizers.RMSprop(learning_rate={lr}, rho={}, epsilon=1e-8)", python_float(config.training.rho)),
        Optimizer::Adam => format!(
            "tf.keras.optimizers.Adam(learning_rate={lr}, beta_1={}, beta_2={}, epsilon=1e-8)",
            python_float(config.training.beta1),
            python_float(config.training.beta2)
        ),
    };
    let loss = match config.training.loss {
        Loss::HalfMse => "lambda y, y_hat: 0.5 * tf.reduce_mean(tf.square(y - y_hat))",
        Loss::Mse => "'mse'",
        Loss::Bce => "'binary_crossentropy'",
        Loss::SoftmaxCe => "'sparse_categorical_crossentropy'",
    };
    out += &format!("\nmodel.compile(optimizer={optimizer}, loss={loss})\n");
    let labels = match (config.data.problem, config.network.output, config.training.loss) {
        (Problem::Regression, _, _) => "labels are the values to predict",
        (_, Activation::Softmax, _) => "labels are class indices 0..K-1",
        (_, Activation::Sigmoid | Activation::Step, _) => "labels are 1 (blue) and 0 (orange)",
        _ => "labels are +1 (blue) and -1 (orange)",
    };
    out += &format!("# Train on more points with: model.fit(features(x1, x2), labels, batch_size={}, epochs=...)  # {labels}\n", config.training.batch_size);
    out
}
