//! Reading setups and models from JSON: older formats brought up to date, and errors that
//! name the field at fault.

/// Files of format version 1 kept every setting at the top level of the configuration:
/// moves each into its part (data, network, training), and the hidden layers' dropout rates
/// into the training part, so that such files open as they did.
pub fn nest_version_1(config: &mut serde_json::Value) {
    const DATA: [&str; 8] = ["problem", "dataset", "classes", "noise", "percentTrain", "percentVal", "seed", "customPoints"];
    const NETWORK: [&str; 5] = ["features", "hidden", "output", "init", "initSigma"];
    const TRAINING: [&str; 13] = [
        "loss",
        "learningRate",
        "regularization",
        "regularizationRate",
        "optimizer",
        "momentum",
        "rho",
        "beta1",
        "beta2",
        "batchSize",
        "shuffle",
        "earlyStopping",
        "leakySlope",
    ];
    let serde_json::Value::Object(map) = config else { return };
    if ["data", "network", "training"].iter().any(|k| map.contains_key(*k)) {
        return;
    }
    let mut parts: [(&str, serde_json::Map<String, serde_json::Value>); 3] =
        [("data", Default::default()), ("network", Default::default()), ("training", Default::default())];
    for (part, keys) in [(0, &DATA[..]), (1, &NETWORK[..]), (2, &TRAINING[..])] {
        for key in keys {
            if let Some(v) = map.remove(*key) {
                parts[part].1.insert(key.to_string(), v);
            }
        }
    }
    if let Some(serde_json::Value::Array(layers)) = parts[1].1.get_mut("hidden") {
        let rates: Vec<serde_json::Value> =
            layers.iter_mut().map(|l| l.as_object_mut().and_then(|l| l.remove("dropout")).unwrap_or(serde_json::Value::from(0.0))).collect();
        parts[2].1.insert("dropout".into(), serde_json::Value::Array(rates));
    }
    for (name, part) in parts {
        map.insert(name.into(), serde_json::Value::Object(part));
    }
}

/// Reads JSON into `T`; when that fails, finds the field responsible (to two levels, such as
/// `training.learningRate`) by reading the document again with one field at a time, so the
/// message can name it.
pub fn from_value_naming_field<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    use serde_json::{Map, Value};
    let whole = match serde_json::from_value::<T>(value.clone()) {
        Ok(v) => return Ok(v),
        Err(e) => e.to_string(),
    };
    // The error of a document holding only this one field, when the field itself is wrong.
    // Wrapped in its path, alone: the document errs the way it would with nothing in it
    // (a field the document itself lacks), or because of this field.
    let wrap = |path: &[&str], field: Value| {
        let mut doc = field;
        for key in path.iter().rev() {
            let mut map = Map::new();
            map.insert(key.to_string(), doc);
            doc = Value::Object(map);
        }
        serde_json::from_value::<T>(doc).err().map(|e| e.to_string())
    };
    let alone = |path: &[&str], field: &Value| -> Option<String> {
        let message = wrap(path, field.clone())?;
        let empty = if path.len() > 1 { wrap(&path[..path.len() - 1], Value::Object(Map::new())) } else { wrap(&[], Value::Object(Map::new())) };
        (Some(&message) != empty.as_ref()).then_some(message)
    };
    let Value::Object(map) = &value else { return Err(format!("document: {whole}")) };
    // The deepest field (up to four levels, such as `config.training.learningRate`) that
    // errs alone.
    fn deepest(path: &mut Vec<String>, field: &Value, alone: &dyn Fn(&[&str], &Value) -> Option<String>) -> Option<String> {
        let keys: Vec<&str> = path.iter().map(String::as_str).collect();
        let message = alone(&keys, field)?;
        if let (Value::Object(inner), true) = (field, path.len() < 4) {
            for (sub, leaf) in inner {
                path.push(sub.clone());
                if let Some(found) = deepest(path, leaf, alone) {
                    return Some(found);
                }
                path.pop();
            }
        }
        Some(format!("{}: {message}", path.join(".")))
    }
    for (key, field) in map {
        if let Some(found) = deepest(&mut vec![key.clone()], field, &alone) {
            return Err(found);
        }
    }
    // A field the document lacks altogether: named as such.
    match whole.strip_prefix("missing field `").and_then(|rest| rest.split_once('`')) {
        Some((field, _)) => Err(format!("{field}: {whole}")),
        None => Err(whole),
    }
}
