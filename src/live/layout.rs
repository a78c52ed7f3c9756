//! The sizes the pictures and the network diagram are drawn at, for the window they are in:
//! the same figures style.css lays the columns out with.

/// Side of the big heatmap in CSS pixels.
pub const HEATMAP: f64 = 300.0;
/// Widest the network diagram gets, in CSS pixels.
pub const NETWORK_WIDTH: f64 = 520.0;
/// The height of the compared setup's network drawing, in CSS pixels.
pub const COMPARE_NETWORK_HEIGHT: f64 = 150.0;
/// How much larger the network diagram is drawn on a projector from 1600 pixels up (the
/// `zoom` of `.projector .network-scroll` in style.css).
pub const PROJECTOR_ZOOM: f64 = 1.25;

/// The least distance between the diagram's columns where controls are sized for a finger: a
/// layer's head holds two 40-pixel buttons side by side, and "W·X+b" beside "u,v".
pub const TOUCH_SPACING: f64 = 104.0;

/// The least distance between the diagram's columns: [`TOUCH_SPACING`] for a finger, none
/// with a mouse (the heads' tools wrap in the room there is).
pub fn least_spacing(touch: bool) -> f64 {
    if touch {
        TOUCH_SPACING
    } else {
        0.0
    }
}

/// The output picture's side in CSS pixels for a window `window` pixels wide: 300, or larger
/// on a wide screen (1600 pixels and up) and larger still for a projector.
pub fn heatmap_size(window: f64, projector: bool) -> f64 {
    match (window >= 1600.0, projector) {
        (true, true) => 580.0,
        (true, false) => 460.0,
        (false, true) => 400.0,
        (false, false) => HEATMAP,
    }
}

/// The side of each output picture: while two setups are compared, both at the same size,
/// small enough to stand side by side.
pub fn picture_size(window: f64, projector: bool, comparing: bool) -> f64 {
    let side = heatmap_size(window, projector);
    if comparing {
        side.min(if window >= 1600.0 { 460.0 } else { HEATMAP })
    } else {
        side
    }
}

/// The diagram's width for a window: the middle column's width where the three columns stand
/// side by side (the page is at most 1280 pixels wide, 1880 from 1600 up), narrower on a
/// phone so it fits the screen.
pub fn network_width(window: f64, comparing: bool, projector: bool) -> f64 {
    if window > 1100.0 {
        // The columns as style.css lays them out: data, network, output (two pictures side by
        // side while comparing, when the page takes the window's width).
        let wide = window >= 1600.0;
        let page = if wide || comparing { window.min(1880.0) } else { window.min(1280.0) };
        let gaps = if wide { 48.0 } else { 36.0 };
        let data = match (wide, projector) {
            (true, true) => 200.0,
            (true, false) => 220.0,
            _ => 190.0,
        };
        let output = match (comparing, wide) {
            (true, true) => 1000.0,
            (true, false) => 672.0,
            _ => picture_size(window, projector, false) + 60.0,
        };
        // On a projector the diagram is drawn larger (style.css zooms it by PROJECTOR_ZOOM);
        // 120 pixels go to the feature names and the margin.
        let zoom = if projector && wide { PROJECTOR_ZOOM } else { 1.0 };
        let least = if comparing { 320.0 } else { NETWORK_WIDTH };
        ((page - 24.0 - data - output - gaps) / zoom - 120.0).clamp(least.min(600.0 / zoom), 1000.0)
    } else if window >= 700.0 && !comparing {
        // A tablet: the network beside a 330-pixel output column.
        (window - 24.0 - 330.0 - 18.0 - 110.0).clamp(220.0, NETWORK_WIDTH)
    } else {
        (window - 110.0).clamp(220.0, NETWORK_WIDTH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diagram_and_the_pictures_fit_the_window() {
        for window in [390.0, 820.0, 1280.0, 1366.0, 1920.0] {
            for (projector, comparing) in [(false, false), (true, false), (false, true)] {
                let picture = picture_size(window, projector, comparing);
                let network = network_width(window, comparing, projector);
                assert!((220.0..=1000.0).contains(&network), "{window} {projector} {comparing}: {network}");
                if window > 1100.0 {
                    let pictures = if comparing { 2.0 * picture } else { picture };
                    assert!(190.0 + network + pictures <= window.min(1880.0), "{window} {projector} {comparing}: {network} + {pictures}");
                }
            }
        }
        assert_eq!(picture_size(1920.0, true, true), 460.0, "two pictures side by side are never the projector's largest");
    }
}
