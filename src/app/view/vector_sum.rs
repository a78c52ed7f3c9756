//! Sums of many terms, as a first layer reading images is shown: in the inspector, the
//! example's inputs x, the neuron's weights w and their products wᵢ·xᵢ as three square
//! pictures (blue positive, orange negative) with the products' total; in W·X + b, each row
//! of W and each column of X as such a picture.

use super::ctx::*;
use crate::render::colour::Palette;

/// Most inputs written out as numbers: more (an image's) are drawn as pictures.
pub(super) const PICTURED: usize = 16;

/// What the pictures show.
#[derive(Properties, PartialEq)]
pub(super) struct VectorSumProps {
    /// The example's inputs.
    pub inputs: Vec<Real>,
    /// The neuron's weights, one per input.
    pub weights: Vec<Real>,
    pub lang: Lang,
}

/// Values as RGBA on the playground's scale, scaled so that the largest is full colour.
fn diverging(values: &[Real]) -> Vec<u8> {
    let top = values.iter().fold(1e-6 as Real, |m, v| m.max(v.abs()));
    let scaled: Vec<Real> = values.iter().map(|v| v / top).collect();
    let mut rgba = vec![0; values.len() * 4];
    Palette::new().fill(&scaled, false, &mut rgba);
    rgba
}

/// The three pictures and the total of the products.
#[function_component(VectorSum)]
pub(super) fn vector_sum(p: &VectorSumProps) -> Html {
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let products: Vec<Real> = p.inputs.iter().zip(&p.weights).map(|(x, w)| x * w).collect();
    let side = (p.inputs.len() as f64).sqrt() as usize;
    {
        let (refs, pictures) = (refs.clone(), [p.inputs.clone(), p.weights.clone(), products.clone()]);
        use_effect_with(pictures, move |pictures| {
            for (r, values) in refs.iter().zip(pictures) {
                if let (Some(c), true) = (r.cast::<web_sys::HtmlCanvasElement>(), side * side == values.len()) {
                    canvas::put_rgba(&c, &diverging(values), side as u32, side as u32);
                }
            }
            || ()
        });
    }
    let total: Real = products.iter().sum();
    let captions = [Text::SumInputs, Text::SumWeights, Text::SumProducts];
    html! {
        <div class="vector-sum" id="vector-sum" data-total={total.to_string()} data-terms={products.len().to_string()}>
            { for refs.iter().zip(captions).map(|(r, caption)| html! {
                <figure><canvas ref={r.clone()} width="8" height="8" role="img" aria-label={caption.get(p.lang)}></canvas>
                    <figcaption>{ caption.get(p.lang) }</figcaption></figure>
            }) }
            <p class="sum-total">{ Text::SumTotal.get(p.lang).replace("{terms}", &products.len().to_string()).replace("{total}", &format!("{total:.3}")) }</p>
        </div>
    }
}

/// Rows of values, each drawn as a square picture; `data-values` keeps the numbers.
#[derive(Properties, PartialEq)]
pub(super) struct RowPicturesProps {
    pub id: &'static str,
    pub rows: Vec<Vec<Real>>,
    /// Each picture's name, for those who cannot see it.
    pub names: Vec<String>,
}

#[function_component(RowPictures)]
pub(super) fn row_pictures(p: &RowPicturesProps) -> Html {
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(p.rows.clone(), move |rows| {
            let canvases = list.cast::<web_sys::Element>().and_then(|l| l.query_selector_all("canvas").ok());
            for (i, row) in rows.iter().enumerate() {
                let side = (row.len() as f64).sqrt() as usize;
                let c = canvases.as_ref().and_then(|c| c.get(i as u32)).and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
                if let (Some(c), true) = (c, side * side == row.len()) {
                    canvas::put_rgba(&c, &diverging(row), side as u32, side as u32);
                }
            }
            || ()
        });
    }
    html! {
        <div id={p.id} class="row-pictures" ref={list} data-values={crate::app::json::rows(&p.rows)}>
            { for p.names.iter().map(|name| html! { <canvas width="8" height="8" role="img" aria-label={name.clone()} title={name.clone()}></canvas> }) }
        </div>
    }
}
