//! The keys of what the page shows (projector, figures, the views opened, the language),
//! written after the compared setup.

use super::values::*;
use crate::engine::LayerNo;
use crate::i18n::Lang;

/// The page's view keys, after the compared setup.
pub(super) const VIEW_KEYS: &[Key] = &[
    key(
        "projector",
        1,
        false,
        |s, v| {
            s.projector = bool_of(v)?;
            Ok(())
        },
        |s| s.projector.then(|| "true".into()),
    ),
    key(
        "perf",
        1,
        false,
        |s, v| {
            s.show_performance = bool_of(v)?;
            Ok(())
        },
        |s| s.show_performance.then(|| "true".into()),
    ),
    key(
        "inspect",
        3,
        false,
        |s, v| {
            let (l, j) = v.split_once(',').ok_or(())?;
            let (l, j) = (LayerNo::new(number(l)?), number(j)?);
            if s.neurons_in(l).is_some_and(|n| j < n) {
                s.inspect = Some((l, j));
                Ok(())
            } else {
                Err(())
            }
        },
        |s| s.inspect.map(|(l, j)| format!("{l},{j}")),
    ),
    key(
        "matrix",
        3,
        false,
        |s, v| {
            let l = LayerNo::new(number(v)?);
            s.neurons_in(l).ok_or(())?;
            s.matrix = Some(l);
            Ok(())
        },
        |s| s.matrix.map(|l| l.to_string()),
    ),
    key(
        "space",
        3,
        false,
        |s, v| {
            let l = LayerNo::new(number(v)?);
            if !s.is_hidden(l) {
                return Err(());
            }
            s.space = Some(l);
            Ok(())
        },
        |s| s.space.map(|l| l.to_string()),
    ),
    key(
        "backprop",
        1,
        false,
        |s, v| {
            s.backprop = bool_of(v)?;
            Ok(())
        },
        |s| s.backprop.then(|| "true".into()),
    ),
    key(
        "lang",
        1,
        false,
        |s, v| {
            s.lang = Lang::from_code(v).ok_or(())?;
            Ok(())
        },
        |s| Some(s.lang.code().into()),
    ),
];
