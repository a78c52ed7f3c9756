//! The keys of the data a link carries itself: the user's points (or the name they are kept
//! under in this browser), their axes' ranges and names, and a table's columns and rows when
//! they fit in a link.

use super::values::*;
use crate::engine::normalize::points_text;
use crate::engine::{Point, Real};

/// The data's own keys, after Neurona's first keys and before its later ones.
pub(super) const DATA_KEYS: &[Key] = &[
    key(
        "points",
        1,
        false,
        |s, v| {
            if let Some(name) = v.strip_prefix("page") {
                // `page` alone, or `page:` and a name of up to 16 hexadecimal digits.
                let name = name.strip_prefix(':').unwrap_or(name);
                if name.len() > 16 || !name.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Err(());
                }
                s.points_in_page = Some(name.to_ascii_lowercase());
                return Ok(());
            }
            let mut fits = true;
            for item in v.split(';').filter(|i| !i.is_empty()) {
                let nums: Vec<Real> = item.split(',').filter_map(|n| real(n).ok()).collect();
                match nums[..] {
                    [x, y, label] => s.config.data.custom_points.push(Point { x, y, label }),
                    _ => fits = false,
                }
            }
            if fits {
                Ok(())
            } else {
                Err(())
            }
        },
        |s| {
            let text = points_text(&s.config.data.custom_points, &s.config.data.axes);
            // Too many for a link: they stay in the page, and the link says so.
            let page = |name: &str| if name.is_empty() { "page".to_string() } else { format!("page:{name}") };
            match text.len() {
                0 => s.points_in_page.as_deref().map(page),
                n if n > crate::engine::limits::LINK_POINTS_CHARS => {
                    let name = crate::engine::normalize::points_key(&s.config.data.custom_points, &s.config.data.axes);
                    // A set this browser could not keep is not claimed as kept.
                    (s.points_unkept.as_deref() != Some(name.as_str())).then(|| page(&name))
                }
                _ => Some(text),
            }
        },
    ),
    key("x1Range", 1, false, |s, v| read_range(&mut s.config.data.axes.x, v), |s| write_range(s, &s.config.data.axes.x)),
    key("x2Range", 1, false, |s, v| read_range(&mut s.config.data.axes.y, v), |s| write_range(s, &s.config.data.axes.y)),
    key(
        "x1Name",
        1,
        false,
        |s, v| {
            s.config.data.axes.x.name = v.to_string();
            Ok(())
        },
        |s| write_name(s, &s.config.data.axes.x),
    ),
    key(
        "x2Name",
        1,
        false,
        |s, v| {
            s.config.data.axes.y.name = v.to_string();
            Ok(())
        },
        |s| write_name(s, &s.config.data.axes.y),
    ),
    key("table", 1, false, read_table, table_text),
];

/// A table as a link carries it: what it predicts (`c` classes, `v` a value), the predicted
/// column's name and the input columns' names (each escaped), then the rows, each its inputs
/// and its label in their own units: `c|aprobó|horas,nota%20previa|1.5,60,1;3,72,0`.
pub(super) fn table_text(s: &crate::settings::Settings) -> Option<String> {
    let c = &s.config;
    let t = c.data.table.as_ref().filter(|t| c.data.dataset == crate::engine::Dataset::Table && t.picture.is_none())?;
    let escape = |name: &str| form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>();
    let predict = if t.predict == Some(crate::engine::table::Predict::Value) { "v" } else { "c" };
    let d = t.dims().max(1);
    let label = |l: f64| match predict {
        "v" => l,
        _ => t.classes.get(crate::engine::predict::class_of(l as Real, t.classes.len().max(2))).copied().unwrap_or(l),
    };
    let rows: Vec<String> =
        t.rows.chunks_exact(d).zip(&t.labels).map(|(r, &l)| r.iter().copied().chain([label(l)]).map(|v| v.to_string()).collect::<Vec<_>>().join(",")).collect();
    let text = format!("{predict}|{}|{}|{}", escape(&t.label), t.inputs.iter().map(|n| escape(n)).collect::<Vec<_>>().join(","), rows.join(";"));
    // Too long for a link: the model file carries it (the data column says so).
    (text.len() <= crate::engine::limits::LINK_POINTS_CHARS).then_some(text)
}

/// Reads a table written by [`table_text`]: its columns chosen again from its rows.
fn read_table(s: &mut crate::settings::Settings, v: &str) -> Result<(), ()> {
    use crate::engine::table::{Predict, Table};
    let mut parts = v.splitn(4, '|');
    let (Some(predict), Some(label), Some(inputs), Some(rows)) = (parts.next(), parts.next(), parts.next(), parts.next()) else { return Err(()) };
    let unescape = |n: &str| form_urlencoded::parse(format!("n={n}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default();
    let predict = match predict {
        "c" => Predict::Class,
        "v" => Predict::Value,
        _ => return Err(()),
    };
    let mut names: Vec<String> = inputs.split(',').map(unescape).collect();
    names.push(unescape(label));
    let rows: Vec<Vec<f64>> = rows
        .split(';')
        .map(|r| r.split(',').map(|x| x.parse::<f64>().ok().filter(|x| x.is_finite())).collect::<Option<Vec<f64>>>())
        .collect::<Option<_>>()
        .ok_or(())?;
    if rows.len() > crate::engine::limits::MAX_POINTS || rows.iter().any(|r| r.len() != names.len()) {
        return Err(());
    }
    let n = names.len();
    let table = Table { names, rows, bad: Vec::new() };
    let data = table.choose(&(0..n - 1).collect::<Vec<_>>(), n - 1, predict).map_err(|_| ())?;
    s.config.apply(crate::engine::edit::Edit::Table(Box::new(data)));
    Ok(())
}
