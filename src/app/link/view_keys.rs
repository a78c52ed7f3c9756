//! The keys of what the page shows (projector, figures, the views opened, the language),
//! written after the compared setup.

use super::values::*;
use crate::engine::LayerNo;
use crate::i18n::Lang;

/// The page's view keys, after the compared setup.
pub(super) const VIEW_KEYS: &[Key] = &[
    key(
        "board",
        1,
        false,
        |s, v| {
            s.board = bool_of(v)?;
            Ok(())
        },
        |s| s.board.then(|| "true".into()),
    ),
    key(
        "worksheet",
        1,
        false,
        |s, v| {
            s.worksheet = bool_of(v)?;
            Ok(())
        },
        |s| s.worksheet.then(|| "true".into()),
    ),
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
        "scene",
        3,
        false,
        |s, v| {
            let open = bool_of(v)?;
            if open && s.config.data.dataset != crate::engine::Dataset::Satellite {
                return Err(());
            }
            s.scene = open;
            Ok(())
        },
        |s| s.scene.then(|| "true".into()),
    ),
    key(
        "landscape",
        3,
        false,
        |s, v| {
            use crate::engine::landscape::{Parameter, Plane};
            if v == "true" {
                s.landscape = Some(Plane::Principal);
                return Ok(());
            }
            // Two parameters: layer (from 1), row and input, or `b` for the bias, as `2-0-1,1-3-b`.
            let parameter = |t: &str| -> Result<Parameter, ()> {
                match t.split('-').collect::<Vec<_>>()[..] {
                    [l, r, i] => Ok(Parameter {
                        layer: LayerNo::new(number(l)?).index().ok_or(())?,
                        row: number(r)?,
                        input: if i == "b" { None } else { Some(number(i)?) },
                    }),
                    _ => Err(()),
                }
            };
            // Parameters the network does not have: the landscape opens over the path's
            // directions instead, and the link is mended.
            s.landscape = Some(Plane::Principal);
            let (a, b) = v.split_once(',').ok_or(())?;
            let (a, b) = (parameter(a)?, parameter(b)?);
            if a == b || !s.has_parameter(a) || !s.has_parameter(b) {
                return Err(());
            }
            s.landscape = Some(Plane::Parameters(a, b));
            Ok(())
        },
        |s| {
            let write =
                |p: crate::engine::landscape::Parameter| format!("{}-{}-{}", LayerNo::of(p.layer), p.row, p.input.map_or("b".to_string(), |i| i.to_string()));
            s.landscape.map(|plane| match plane {
                crate::engine::landscape::Plane::Principal => "true".to_string(),
                crate::engine::landscape::Plane::Parameters(a, b) => format!("{},{}", write(a), write(b)),
            })
        },
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
