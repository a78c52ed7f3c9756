//! The link keys of the network's inputs and neurons that Neurona adds: a typed feature's
//! formula, and hidden neurons switched off or frozen.

use super::values::*;
use crate::engine::normalize::neuron_list;

/// The keys, after Neurona's other own keys.
pub(super) const NETWORK_KEYS: &[Key] = &[
    // Hidden neurons switched off and frozen: `layer,neuron;...`, hidden layers from 1.
    key(
        "off",
        3,
        false,
        |s, v| {
            s.config.training.off = neurons_of(v)?;
            Ok(())
        },
        |s| (!s.config.training.off.is_empty()).then(|| neuron_list(&s.config.training.off)),
    ),
    key(
        "frozen",
        3,
        false,
        |s, v| {
            s.config.training.frozen = neurons_of(v)?;
            Ok(())
        },
        |s| (!s.config.training.frozen.is_empty()).then(|| neuron_list(&s.config.training.frozen)),
    ),
    // The typed feature's formula: read by the worker once the page has it, on until
    // `custom=false` says otherwise.
    key(
        "customFeature",
        1,
        true,
        |s, v| {
            let formula = crate::engine::formula::Formula::unread(v).ok_or(())?;
            s.config.network.formula = Some(formula);
            s.config.network.features.push(crate::engine::Feature::Custom);
            Ok(())
        },
        |s| s.config.network.formula.as_ref().map(|f| f.text().to_string()),
    ),
];

/// Neurons as `off=` and `frozen=` list them: `layer,neuron;...`, hidden layers from 1 and
/// neurons from 0; at most as many as the playground's network can have.
fn neurons_of(v: &str) -> Result<Vec<(usize, usize)>, ()> {
    let list: Vec<(usize, usize)> = v
        .split(';')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (l, j) = p.split_once(',').ok_or(())?;
            let l: usize = number(l)?;
            Ok((l.checked_sub(1).ok_or(())?, number(j)?))
        })
        .collect::<Result<_, ()>>()?;
    if list.len() > (crate::engine::limits::LAYERS.max * crate::engine::limits::NEURONS.max) as usize {
        return Err(());
    }
    Ok(list)
}
