//! The charts' common ground: plotters drawing on a page canvas through plotters-canvas, at
//! the screen's pixel density, in the chart's own units (CSS pixels, or the loss chart's 300 x
//! 100), with the axes, their numbers and their names drawn by plotters' mesh.

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// A chart's whole canvas, in the chart's units.
pub type Area = DrawingArea<CanvasBackend, Shift>;

/// A chart's box and its coordinates.
pub type Chart<'a, X> = ChartContext<'a, CanvasBackend, Cartesian2d<X, RangedCoordf64>>;

/// The numbers' and axis names' font.
pub const FONT: &str = "system-ui, sans-serif";
/// The axes' grey.
pub const AXIS: RGBColor = RGBColor(0x99, 0x99, 0x99);
/// The numbers' grey.
pub const INK: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);

/// The screen's pixel density.
pub fn density() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0)
}

/// A chart's canvas: plotters' drawing area over its device pixels, and how many of them
/// make one of the chart's units. Sizes are given in units and drawn in pixels, so that lines
/// stay smooth on dense screens.
pub struct Plot {
    pub area: Area,
    pub ratio: f64,
}

impl Plot {
    /// Opens `canvas` for a chart of `width` x `height` units, drawn `ratio` device pixels to
    /// a unit, filled with `background`. None when the canvas has no 2D context.
    pub fn open(canvas: &HtmlCanvasElement, (width, height): (f64, f64), ratio: f64, background: &RGBColor) -> Option<Plot> {
        let (w, h) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let _ = super::canvas::context(canvas).set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
        area.fill(background).ok()?;
        Some(Plot { area, ratio })
    }

    /// A length in units, in whole pixels (at least one).
    pub fn px(&self, units: f64) -> u32 {
        ((units * self.ratio).round() as u32).max(1)
    }

    /// A point in units, in pixels.
    pub fn at(&self, (x, y): (f64, f64)) -> (i32, i32) {
        ((x * self.ratio).round() as i32, (y * self.ratio).round() as i32)
    }

    /// A chart's box in `room` (units), over `x` and the values `y`.
    pub fn chart<X: AsRangedCoord<Value = f64>>(&self, room: Room, x: X, y: std::ops::Range<f64>) -> Option<Chart<'_, X::CoordDescType>> {
        ChartBuilder::on(&self.area)
            .margin_top(self.px(room.top))
            .margin_right(self.px(room.right))
            .x_label_area_size(self.px(room.bottom))
            .y_label_area_size(self.px(room.left))
            .build_cartesian_2d(x, y)
            .ok()
    }

    /// Draws a chart's frame, its axes with `counts` numbers (written by `x_text` and
    /// `y_text`), the axes' `names` where not empty, and no grid.
    pub fn axes<X>(
        &self,
        chart: &mut Chart<'_, X>,
        counts: (usize, usize),
        x_text: &dyn Fn(&f64) -> String,
        y_text: &dyn Fn(&f64) -> String,
        names: (&str, &str),
    ) where
        X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    {
        let mut mesh = chart.configure_mesh();
        if !names.0.is_empty() {
            mesh.x_desc(names.0);
        }
        if !names.1.is_empty() {
            mesh.y_desc(names.1);
        }
        let tick = self.px(3.0) as i32;
        let _ = mesh
            .disable_mesh()
            .x_labels(counts.0)
            .y_labels(counts.1)
            .x_label_formatter(x_text)
            .y_label_formatter(y_text)
            .axis_style(AXIS.stroke_width(self.px(1.0)))
            .set_tick_mark_size(LabelAreaPosition::Left, tick)
            .set_tick_mark_size(LabelAreaPosition::Bottom, tick)
            .label_style((FONT, 10.0 * self.ratio).into_font().color(&INK))
            .draw();
        // The mesh draws the left and bottom axes; the top and the right close the box.
        let plot = chart.plotting_area().strip_coord_spec();
        let (w, h) = plot.dim_in_pixel();
        let (w, h) = (w as i32 - 1, h as i32 - 1);
        let _ = plot.draw(&PathElement::new(vec![(0, 0), (w, 0), (w, h)], AXIS.stroke_width(self.px(1.0))));
    }

    /// Writes `text` at `at` (units), anchored by `anchor` (horizontal, vertical), in the
    /// numbers' font and grey at `size` units.
    pub fn write(&self, text: &str, at: (f64, f64), anchor: (HPos, VPos), size: f64) {
        let style = (FONT, size * self.ratio).into_font().color(&INK).pos(Pos::new(anchor.0, anchor.1));
        let _ = self.area.draw_text(text, &style, self.at(at));
    }
}

/// Room around a chart's box, in units: for the numbers below and on the left, and a margin
/// above and on the right.
#[derive(Clone, Copy)]
pub struct Room {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// A colour from its hex code (`#rrggbb`).
pub fn rgb(hex: &str) -> RGBColor {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}
