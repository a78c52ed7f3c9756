//! The views that open under the network's diagram, in one list: the element each is, the
//! link key that opens it, and whether the settings have it open. The page brings a view into
//! sight when it opens (on a phone it opens below the diagram, out of sight) by reading this
//! list; the tests check each key against the link's own.

use crate::live::ids;
use crate::settings::Settings;

/// A view under the diagram.
pub struct DiagramView {
    /// Its element's id.
    pub id: &'static str,
    /// The link key that opens it.
    pub key: &'static str,
    /// Whether the settings have it open.
    pub open: fn(&Settings) -> bool,
}

/// The views under the diagram, the one brought into sight first when several open at once.
pub const DIAGRAM_VIEWS: &[DiagramView] = &[
    DiagramView { id: ids::BACKPROP, key: "backprop", open: |s| s.backprop },
    DiagramView { id: ids::MATRIX, key: "matrix", open: |s| s.matrix.is_some() },
    DiagramView { id: "space-view", key: "space", open: |s| s.space.is_some() },
    DiagramView { id: ids::INSPECTOR, key: "inspect", open: |s| s.inspect.is_some() },
    DiagramView { id: "landscape", key: "landscape", open: |s| s.landscape.is_some() },
];

/// Which views under the diagram the settings have open, in the list's order.
pub fn open_views(settings: &Settings) -> Vec<bool> {
    DIAGRAM_VIEWS.iter().map(|v| (v.open)(settings)).collect()
}

/// The view to bring into sight when the views open are `open` (in the list's order): the
/// first of them.
pub fn to_bring_into_view(open: &[bool]) -> Option<&'static str> {
    DIAGRAM_VIEWS.iter().zip(open).find(|(_, on)| **on).map(|(v, _)| v.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::link::{parse, to_hash};
    use crate::i18n::Lang;

    #[test]
    fn each_view_under_the_diagram_opens_from_its_link_key_and_writes_it_back() {
        // A value of each key that opens its view on a network with a hidden layer.
        let values = [("backprop", "true"), ("matrix", "1"), ("space", "1"), ("inspect", "1,0"), ("landscape", "true")];
        assert_eq!(values.len(), DIAGRAM_VIEWS.len());
        let (closed, _) = parse("networkShape=3", Lang::En);
        assert_eq!(open_views(&closed), vec![false; DIAGRAM_VIEWS.len()]);
        assert_eq!(to_bring_into_view(&open_views(&closed)), None);
        for view in DIAGRAM_VIEWS {
            let value = values.iter().find(|(k, _)| *k == view.key).map(|(_, v)| *v).unwrap_or_else(|| panic!("a value for {}", view.key));
            let (s, repairs) = parse(&format!("networkShape=3&{}={value}", view.key), Lang::En);
            assert!(repairs.is_empty() && (view.open)(&s), "{} opens its view: {repairs:?}", view.key);
            assert_eq!(to_bring_into_view(&open_views(&s)), Some(view.id));
            assert!(to_hash(&s).contains(&format!("{}=", view.key)), "{} is written back", view.key);
        }
        // Several open: the list's first.
        let (s, _) = parse("networkShape=3&landscape=true&matrix=1", Lang::En);
        assert_eq!(to_bring_into_view(&open_views(&s)), Some(ids::MATRIX));
    }
}
