//! Browser tests (wasm-bindgen-test in headless Chromium): the drawing code writes the
//! pixels it should, and the playground mounts with its controls.
#![cfg(target_arch = "wasm32")]

mod common;

use neurona::engine::{Point, Real};
use neurona::render::canvas::{context, draw_points, put_rgba};
use neurona::render::colour::{fill_classes, Palette};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(w);
    c.set_height(h);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

fn pixel(c: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 4] {
    let data = context(c).get_image_data(x, y, 1.0, 1.0).unwrap().data();
    [data[0], data[1], data[2], data[3]]
}

#[wasm_bindgen_test]
fn the_heatmap_shows_orange_grey_and_blue_for_known_values() {
    let values: Vec<Real> = vec![-1.0, 0.0, 1.0, 0.5];
    let mut rgba = vec![0u8; 16];
    Palette::new().fill(&values, false, &mut rgba);
    let c = canvas(1, 1);
    put_rgba(&c, &rgba, 4, 1);
    assert_eq!((c.width(), c.height()), (4, 1), "the canvas takes the grid's size");
    assert_eq!(pixel(&c, 0.0, 0.0), [0xf5, 0x93, 0x22, 255], "-1 is orange #f59322");
    assert_eq!(pixel(&c, 1.0, 0.0), [0xe8, 0xea, 0xeb, 255], "0 is #e8eaeb");
    assert_eq!(pixel(&c, 2.0, 0.0), [0x08, 0x77, 0xbd, 255], "+1 is blue #0877bd");
    let half = pixel(&c, 3.0, 0.0);
    assert!(half[2] > 0xbd && half[2] < 0xeb && half[0] < 0xe8, "0.5 lies between grey and blue: {half:?}");
}

#[wasm_bindgen_test]
fn discretize_shows_only_the_sign() {
    let values: Vec<Real> = vec![-0.1, 0.2];
    let mut rgba = vec![0u8; 8];
    Palette::new().fill(&values, true, &mut rgba);
    let c = canvas(2, 1);
    put_rgba(&c, &rgba, 2, 1);
    assert_eq!(pixel(&c, 0.0, 0.0), [0xf5, 0x93, 0x22, 255]);
    assert_eq!(pixel(&c, 1.0, 0.0), [0x08, 0x77, 0xbd, 255]);
}

#[wasm_bindgen_test]
fn a_100_by_100_grid_fills_the_canvas_cell_for_cell() {
    let values: Vec<Real> = (0..10_000).map(|i| if i % 100 < 50 { -1.0 } else { 1.0 }).collect();
    let mut rgba = vec![0u8; 40_000];
    Palette::new().fill(&values, false, &mut rgba);
    let c = canvas(10, 10);
    put_rgba(&c, &rgba, 100, 100);
    assert_eq!(pixel(&c, 10.0, 70.0), [0xf5, 0x93, 0x22, 255], "left half orange");
    assert_eq!(pixel(&c, 90.0, 20.0), [0x08, 0x77, 0xbd, 255], "right half blue");
}

#[wasm_bindgen_test]
fn three_classes_get_three_hues() {
    // Three cells, each certain of another class: [class][cell].
    let p: Vec<Real> = vec![1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
    let mut rgba = vec![0u8; 12];
    fill_classes(&p, 3, false, &mut rgba);
    let c = canvas(3, 1);
    put_rgba(&c, &rgba, 3, 1);
    let hues: Vec<[u8; 4]> = (0..3).map(|x| pixel(&c, x as f64, 0.0)).collect();
    // Okabe and Ito's blue, vermillion and yellow: apart under colour-vision deficiencies.
    assert_eq!(hues[0], [0x00, 0x72, 0xb2, 255]);
    assert_eq!(hues[1], [0xd5, 0x5e, 0x00, 255]);
    assert_eq!(hues[2], [0xf0, 0xe4, 0x42, 255]);
    // Two classes through softmax keep the two-class colours: class 0 (label -1) orange.
    let p: Vec<Real> = vec![1.0, 0.0, 0.0, 1.0];
    let mut rgba = vec![0u8; 8];
    fill_classes(&p, 2, false, &mut rgba);
    put_rgba(&c, &rgba, 2, 1);
    assert_eq!(pixel(&c, 0.0, 0.0), [0xf5, 0x93, 0x22, 255]);
    assert_eq!(pixel(&c, 1.0, 0.0), [0x08, 0x77, 0xbd, 255]);
}

#[wasm_bindgen_test]
fn data_points_are_drawn_where_they_lie_with_their_class_colour() {
    let c = canvas(120, 120);
    let ctx = context(&c);
    let points = [Point { x: 3.0, y: 3.0, label: 1.0 }, Point { x: -3.0, y: -3.0, label: -1.0 }];
    draw_points(&ctx, &points, 120.0, (-6.0, 6.0), 2, false, 4.0);
    // (3, 3) is at pixel (90, 30); (-3, -3) at (30, 90).
    assert_eq!(&pixel(&c, 90.0, 30.0)[..3], &[0x08, 0x77, 0xbd]);
    assert_eq!(&pixel(&c, 30.0, 90.0)[..3], &[0xf5, 0x93, 0x22]);
    assert_eq!(pixel(&c, 60.0, 60.0)[3], 0, "nothing drawn between them");
}

#[wasm_bindgen_test]
async fn the_playground_mounts_with_its_controls() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<neurona::app::view::App>::with_root(root.clone()).render();
    // Let the scheduler render and run effects.
    for _ in 0..20 {
        if doc.get_element_by_id("feature-x").is_some() {
            break;
        }
        gloo_timers_sleep(50).await;
    }
    for id in ["play-pause-button", "next-step-button", "reset-button", "iter-number", "loss-train", "loss-test", "heatmap"] {
        assert!(doc.get_element_by_id(id).is_some(), "#{id} is on the page");
    }
    assert_eq!(doc.get_element_by_id("iter-number").unwrap().text_content().unwrap(), "000,000");
    // The run, its data and its losses come from the worker, which this test page has not
    // (the end-to-end tests check them): until it answers, no loss is shown.
    assert_eq!(doc.get_element_by_id("loss-test").unwrap().text_content().unwrap(), "–");
    // 2 inputs -> 4 -> 2 -> 1: six hidden neurons besides the seven features, three gaps of links.
    assert_eq!(doc.query_selector_all(".hidden-node").unwrap().length(), 6);
    assert_eq!(doc.query_selector_all(".node.input").unwrap().length(), 7);
    assert_eq!(doc.query_selector_all(".links-gap").unwrap().length(), 3);
    // Every picture comes from the worker's run (the end-to-end tests check them): until it
    // answers, the nodes' canvas is there and clear.
    let nodes: HtmlCanvasElement = doc.get_element_by_id("nodes-canvas").unwrap().dyn_into().unwrap();
    assert_eq!(pixel(&nodes, 1.0, 1.0)[3], 0);
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_weights_as_natively() {
    let mut t = neurona::engine::Trainer::new(common::determinism_config()).unwrap();
    for _ in 0..100 {
        t.step().unwrap();
    }
    assert_eq!(neurona::engine::fingerprint::fingerprint(&t.network), common::recorded_fingerprint());
}

#[wasm_bindgen_test]
fn the_landscapes_axes_write_a_zero_as_zero_and_small_losses_as_powers_of_ten() {
    use neurona::render::landscape::axis_tick;
    // plotters' steps over -0.8..0.6 reach zero as a rounding error.
    assert_eq!(axis_tick(-6e-17, (-0.8, 0.6)), "0.00");
    assert_eq!(axis_tick(0.4, (-0.8, 0.6)), "0.40");
    assert_eq!(axis_tick(-0.5, (-0.8, 0.6)), "−0.50");
    assert_eq!(axis_tick(20.0, (0.0, 40.0)), "20");
    // A tiny value on a tiny axis is no rounding error: it keeps its power of ten.
    assert_eq!(axis_tick(0.002, (0.0, 0.004)), "2e−3");
}
